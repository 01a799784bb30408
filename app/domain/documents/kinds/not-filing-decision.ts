import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { RULES, clueSourcePhrase, date, paragraphs, paras, text } from "./case-common";

// 不立案决定书 (规则 Art 30): the chief decides not to file a case proposed from a clue. An internal
// document (kept in the clue's file); it names the clue by its register number and kind of source,
// never by its informant (个人信息保护法 Arts 33–34: no more personal data than the duty needs).

export type NotFilingDecisionSource = {
  clueNumber: string;
  /** Clue.source id (规则 Art 24). */
  clueSource: string;
  receivedOn: string;
  clueSummary: string;
  location: string | null;
  /** The case proposed from the clue (its 案由) and its agency, when named. */
  caseTitle: string;
  agencyName: string | null;
  /** The evaluation of the clue (规则 Art 27). */
  evaluation: string | null;
  /** Why not to file: the not-filing approval's reason, or the transition's. */
  reason: string;
  /** The day of the decision (Asia/Shanghai). */
  decidedOn: string;
};

export const notFilingDecision: KindDefinition<NotFilingDecisionSource> = {
  kind: "not_filing_decision",
  subject: "clue",
  audience: "internal",
  numbered: true,
  release: "never", // not addressed to an agency
  fields: [
    text("clue_number", "线索登记编号", "Clue register number"),
    text("clue_source", "线索来源（规则第二十四条）", "Source of the clue (Rules Art 24)"),
    date("received_on", "线索受理日期", "Date the clue was received"),
    text("case_title", "拟立案案由", "Name of the proposed case"),
    text("location", "问题发生地", "Where the problem is", false),
    paras("clue_summary", "线索反映的主要问题", "What the clue reports"),
    paras("evaluation", "评估和初步调查情况（规则第二十七条）", "Evaluation and preliminary inquiry (Rules Art 27)", false),
    paras("reason", "不立案的理由", "Reasons for not filing"),
    date("decided_on", "决定日期", "Date of the decision"),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "不立案决定书" },
    { type: "number" },
    {
      type: "para",
      text: "本院于{{received_on}}{{clue_source}}的案件线索（线索登记编号：{{clue_number}}；拟立案案由：{{case_title}}；问题发生地：{{location}}）。线索反映：",
    },
    { type: "block", field: "clue_summary" },
    { type: "para", text: "经评估和初步调查：" },
    { type: "block", field: "evaluation" },
    { type: "para", text: "本院认为：" },
    { type: "block", field: "reason" },
    { type: "para", text: `依照${RULES}第二十七条、第三十条的规定，经检察长决定，本院于{{decided_on}}决定不予立案。` },
    { type: "signature" },
  ],
  title: (s, ctx) => `不立案决定书（${s.clueNumber}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => ({
    clue_number: s.clueNumber,
    clue_source: clueSourcePhrase(s.clueSource),
    received_on: formatDocumentDate(s.receivedOn),
    case_title: s.caseTitle,
    location: s.location?.trim() ?? "",
    clue_summary: paragraphs(s.clueSummary),
    evaluation: paragraphs(s.evaluation),
    reason: paragraphs(s.reason),
    decided_on: formatDocumentDate(s.decidedOn),
  }),
};
