import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { RULES, caseLabel, date, paragraphs, paras, respondentText, text } from "./case-common";

// 恢复审查决定书 (规则 Art 78): the cause of a suspension of review has gone; review resumes from
// where it stood. Internal, like the suspension it ends (filed upward with it).

export type ResumptionDecisionSource = {
  caseNumber: string | null;
  caseTitle: string;
  agencyName: string | null;
  suspendedOn: string;
  suspensionReason: string | null;
  /** Why the cause is gone (the resumption approval's reason, or the transition's). */
  reason: string;
  resumedOn: string;
  filedWith: string | null;
};

export const resumptionDecision: KindDefinition<ResumptionDecisionSource> = {
  kind: "resumption_decision",
  subject: "case",
  audience: "internal",
  numbered: true,
  release: "never", // not addressed to an agency
  fields: [
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    text("agency", "行政机关", "The agency"),
    date("suspended_on", "中止审查日期", "Date review was suspended"),
    paras("suspension_reason", "中止审查的原因", "Why review was suspended", false),
    paras("reason", "中止审查原因消除的情况", "How the cause of the suspension has gone"),
    date("resumed_on", "恢复审查日期", "Date review resumes"),
    text("filed_with", "备案的上一级人民检察院", "Next-higher procuratorate the decision is filed with", false),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "恢复审查决定书" },
    { type: "number" },
    { type: "para", text: "本院办理的{{case_title}}（行政机关：{{agency}}），经检察长批准，于{{suspended_on}}中止审查。中止审查的原因是：" },
    { type: "block", field: "suspension_reason" },
    { type: "para", text: "现中止审查的原因已经消除：" },
    { type: "block", field: "reason" },
    { type: "para", text: `依照${RULES}第七十八条第二款的规定，本院决定自{{resumed_on}}起恢复审查。` },
    { type: "para", text: "本决定书报送{{filed_with}}备案。" },
    { type: "signature" },
  ],
  title: (s, ctx) => `恢复审查决定书（${s.caseTitle}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => ({
    case_title: caseLabel(s.caseTitle, s.caseNumber),
    agency: respondentText(s.agencyName),
    suspended_on: formatDocumentDate(s.suspendedOn),
    suspension_reason: paragraphs(s.suspensionReason),
    reason: paragraphs(s.reason),
    resumed_on: formatDocumentDate(s.resumedOn),
    filed_with: s.filedWith?.trim() || "上一级人民检察院",
  }),
};
