import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { RULES, caseLabel, date, paragraphs, paras, respondentText, text } from "./case-common";

// 中止审查决定书 (规则 Art 78): the agency acted within the rectification period but an objective
// cause keeps it from finishing; with the chief's approval the review is suspended and the decision
// is filed with the next-higher procuratorate. Internal (the case file and the filing upward).

export type SuspensionDecisionSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string | null;
  /** The recommendation the agency was acting on, when issued: its 文号 and date. */
  recommendationNumber: string | null;
  recommendationIssuedOn: string | null;
  /** The objective cause (the suspension approval's reason, or the transition's). */
  reason: string;
  suspendedOn: string;
  /** The next-higher procuratorate the decision is filed with (规则 Art 78(2)), when known. */
  filedWith: string | null;
};

export const suspensionDecision: KindDefinition<SuspensionDecisionSource> = {
  kind: "suspension_decision",
  subject: "case",
  audience: "internal",
  numbered: true,
  release: "never", // not addressed to an agency
  fields: [
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    text("agency", "行政机关", "The agency"),
    paras("background", "检察建议及整改情况", "The recommendation and the agency's action"),
    paras("reason", "中止审查的原因（客观障碍）", "Why review is suspended (the objective cause)"),
    date("suspended_on", "中止审查日期", "Date of suspension"),
    text("filed_with", "备案的上一级人民检察院", "Next-higher procuratorate the decision is filed with", false),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "中止审查决定书" },
    { type: "number" },
    { type: "para", text: "本院办理的{{case_title}}，行政机关为{{agency}}。" },
    { type: "block", field: "background" },
    { type: "para", text: "{{agency}}在法律、司法解释规定的整改期限内已依法作出行政决定或者制定整改方案，但因下列客观原因不能全部整改到位，且没有怠于履行监督管理职责的情形：" },
    { type: "block", field: "reason" },
    {
      type: "para",
      text: `依照${RULES}第七十八条的规定，经检察长批准，本院决定自{{suspended_on}}起对本案中止审查。中止审查的原因消除后，本院将恢复审查。`,
    },
    { type: "para", text: "本决定书报送{{filed_with}}备案。" },
    { type: "signature" },
  ],
  title: (s, ctx) => `中止审查决定书（${s.caseTitle}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => ({
    case_title: caseLabel(s.caseTitle, s.caseNumber),
    agency: respondentText(s.agencyName),
    background: s.recommendationNumber
      ? [
          `本院于${formatDocumentDate(s.recommendationIssuedOn)}向${respondentText(s.agencyName)}制发检察建议书（${s.recommendationNumber}），督促其依法履行监督管理职责。`,
        ]
      : [],
    reason: paragraphs(s.reason),
    suspended_on: formatDocumentDate(s.suspendedOn),
    filed_with: s.filedWith?.trim() || "上一级人民检察院",
  }),
};
