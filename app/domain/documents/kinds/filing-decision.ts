import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import { ADMIN_LITIGATION_LAW, RULES, clueSourcePhrase, date, paragraphs, paras, respondentText, text } from "./case-common";

// 立案决定书 (规则 Art 30): made on the chief's decision to file, served on the agency within seven
// days (规则 Art 70). Agency-facing: the clue's kind of source only, never its informant.

export type FilingDecisionSource = {
  caseNumber: string;
  caseTitle: string;
  summary: string | null;
  /** The respondent agency, or null when it is not yet known (规则 Art 29). */
  agencyName: string | null;
  /** Clue.source id (规则 Art 24), or null for a case not opened from a clue. */
  clueSource: string | null;
  filedOn: string;
  /** The reason given for filing (the filing approval's, or the transition's). */
  reason: string | null;
};

export const filingDecision: KindDefinition<FilingDecisionSource> = {
  kind: "filing_decision",
  subject: "case",
  audience: "agency",
  numbered: true,
  // served with a 送达回证 within 7 days of filing (规则 Art 70).
  release: "on_service",
  fields: [
    text("addressee", "主送机关（被立案调查的行政机关；尚未确定的留空）", "Addressee: the agency (blank when not yet known)", false),
    text("respondent", "行政机关名称或“尚未确定”（规则第二十九条）", "The agency, or 'not yet determined' (Rules Art 29)"),
    text("case_title", "案由（案件名称）", "Case name"),
    text("case_number", "案号（立案登记号）", "Case register number"),
    text("clue_source", "案件来源（规则第二十四条）", "How the case came to the procuratorate (Rules Art 24)"),
    paras("facts", "经初步调查查明的事实", "Facts found by the preliminary inquiry"),
    paras("reason", "立案理由", "Reasons for filing", false),
    date("filed_on", "立案日期", "Date of filing"),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "立案决定书" },
    { type: "number" },
    { type: "para", text: "{{addressee}}：", indent: false },
    { type: "para", text: "本院{{clue_source}}的案件线索（案由：{{case_title}}）。经评估和初步调查，查明：" },
    { type: "block", field: "facts" },
    { type: "block", field: "reason" },
    {
      type: "para",
      text: `本院认为，国家利益或者社会公共利益受到侵害，{{respondent}}可能存在违法行使职权或者不作为的情形。依照${ADMIN_LITIGATION_LAW}第二十五条第四款、${RULES}第二十八条、第三十条、第六十七条的规定，本院决定立案调查。`,
    },
    { type: "para", text: "案号：{{case_number}}；立案日期：{{filed_on}}。" },
    {
      type: "para",
      text: "本院将依法开展调查，并可以就是否存在违法行使职权或者不作为、国家利益或者社会公共利益受到侵害的后果、整改方案等事项与你单位进行磋商。请予以配合。",
    },
    { type: "signature" },
  ],
  title: (s, ctx) => `立案决定书（${s.caseTitle}${ctx.number ? `，${ctx.number}` : ""}）`,
  map: (s) => ({
    addressee: s.agencyName?.trim() ?? "",
    respondent: respondentText(s.agencyName),
    case_title: s.caseTitle,
    case_number: s.caseNumber,
    clue_source: clueSourcePhrase(s.clueSource),
    facts: paragraphs(s.summary).length ? paragraphs(s.summary) : [s.caseTitle],
    reason: paragraphs(s.reason),
    filed_on: formatDocumentDate(s.filedOn),
  }),
};
