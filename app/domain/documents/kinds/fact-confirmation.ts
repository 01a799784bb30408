import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import type { ConsultationSource } from "./case-common";
import { RULES, caseLabel, date, paragraphs, paras, text } from "./case-common";

// 事实确认书 (规则 Art 70): consultation by sending the agency the facts to confirm, with its position
// and rectification plan; the agency signs and seals its confirmation. Agency-facing.

export const factConfirmation: KindDefinition<ConsultationSource> = {
  kind: "fact_confirmation",
  subject: "consultation",
  audience: "agency",
  numbered: false,
  // delivered to the agency for its confirmation, with a 送达回证 (规则 Art 70; DOMAIN.md §5).
  release: "on_service",
  fields: [
    text("addressee", "主送机关（行政机关）", "Addressee: the agency"),
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    date("held_on", "磋商日期", "Date of the consultation"),
    paras("facts", "需要确认的事实", "Facts to be confirmed"),
    paras("agency_position", "行政机关的意见", "The agency's position"),
    paras("rectification_plan", "整改方案", "Rectification plan", false),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "事实确认书" },
    { type: "para", text: "{{addressee}}：", indent: false },
    {
      type: "para",
      text: `本院在办理{{case_title}}过程中，依照${RULES}第七十条的规定，于{{held_on}}就你单位是否存在违法行使职权或者不作为、国家利益或者社会公共利益受到侵害的后果、整改方案等事项与你单位进行磋商。现将有关事实列明如下，请予确认。`,
    },
    { type: "heading", level: 1, text: "一、经调查查明的事实" },
    { type: "block", field: "facts" },
    { type: "heading", level: 1, text: "二、你单位的意见" },
    { type: "block", field: "agency_position" },
    { type: "heading", level: 1, text: "三、整改方案" },
    { type: "block", field: "rectification_plan" },
    { type: "para", text: "请你单位对上述事实签署确认意见并加盖公章后，送回本院。" },
    { type: "signature" },
    { type: "space", lines: 1 },
    {
      type: "form",
      rows: [
        { label: "行政机关确认意见", text: "" },
        { label: "负责人签名", text: "" },
        { label: "行政机关（盖章）及日期", text: "" },
      ],
    },
  ],
  title: (s) => `事实确认书（${s.caseTitle}）`,
  map: (s) => ({
    addressee: s.agencyName,
    case_title: caseLabel(s.caseTitle, s.caseNumber),
    held_on: formatDocumentDate(s.heldOn),
    facts: paragraphs(s.facts),
    agency_position: paragraphs(s.agencyPosition),
    rectification_plan: paragraphs(s.rectificationPlan),
  }),
};
