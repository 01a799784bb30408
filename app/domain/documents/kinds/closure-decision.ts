import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { RULES, caseLabel, closureGroundText, date, paragraphs, paras, text } from "./case-common";

// 终结案件决定书 (规则 Art 74; after a recommendation, Art 80): the chief closes the case on one of the
// Art 74(1) grounds, and the decision is served on the agency (规则 Art 74(2)). Agency-facing.

export type ClosureDecisionSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string;
  filedOn: string | null;
  /** The recommendation issued on the case, if any (then the closure is after follow-up, Art 80). */
  recommendationNumber: string | null;
  recommendationIssuedOn: string | null;
  /** A CLOSURE_GROUNDS id (app/domain/case/closure-grounds.ts). */
  ground: string;
  /** The closure approval's reason. */
  reason: string;
  /** What the follow-up found (rectification), if any. */
  findings: string | null;
  closedOn: string;
};

export const closureDecision: KindDefinition<ClosureDecisionSource> = {
  kind: "closure_decision",
  subject: "case",
  audience: "agency",
  numbered: true,
  // served on the agency (规则 Arts 74, 80; DOMAIN.md §1 step 6).
  release: "on_service",
  fields: [
    text("addressee", "主送机关（行政机关）", "Addressee: the agency"),
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    paras("history", "立案及检察建议情况", "Filing and recommendation"),
    paras("findings", "调查、跟进调查及整改情况", "What the investigation or follow-up found (rectification)", false),
    paras("reason", "终结案件的理由", "Reasons for closing"),
    text("ground", "终结案件的情形（规则第七十四条）", "Ground of closure (Rules Art 74)"),
    text("basis", "法律依据", "Legal basis"),
    date("closed_on", "终结日期", "Date of closure"),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "终结案件决定书" },
    { type: "number" },
    { type: "para", text: "{{addressee}}：", indent: false },
    { type: "block", field: "history" },
    { type: "block", field: "findings" },
    { type: "block", field: "reason" },
    { type: "para", text: "本院认为，本案{{ground}}。依照{{basis}}的规定，经检察长决定，本院于{{closed_on}}决定终结{{case_title}}。" },
    { type: "para", text: "特此通知。" },
    { type: "signature" },
  ],
  title: (s, ctx) => `终结案件决定书（${s.caseTitle}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => {
    const ground = closureGroundText(s.ground);
    const history = [
      `本院${s.filedOn ? `于${formatDocumentDate(s.filedOn)}` : ""}对${caseLabel(s.caseTitle, s.caseNumber)}立案调查。`,
    ];
    if (s.recommendationNumber) {
      history.push(
        `本院于${formatDocumentDate(s.recommendationIssuedOn)}向你单位制发检察建议书（${s.recommendationNumber}），并对你单位履行职责的情况和国家利益或者社会公共利益受到侵害的情况进行了跟进调查。`,
      );
    }
    return {
      addressee: s.agencyName,
      case_title: caseLabel(s.caseTitle, s.caseNumber),
      history,
      findings: paragraphs(s.findings),
      reason: paragraphs(s.reason),
      ground: ground?.text ?? "",
      // 规则 Art 74 (the ground's item); Art 80 when the case is closed after a recommendation.
      basis: `${RULES}${ground?.item ?? "第七十四条"}${s.recommendationNumber ? "、第八十条" : ""}`,
      closed_on: formatDocumentDate(s.closedOn),
    };
  },
};
