import type { KindDefinition } from "../spec";
import { formatDocumentDate } from "../spec";
import type { ConsultationSource } from "./case-common";
import { RULES, caseLabel, date, paragraphs, paras, text } from "./case-common";

// 磋商纪要 (规则 Art 70): the written record of a consultation with the agency, signed by those
// present. Agency-facing (the agency's representatives sign it): nothing of the clue's informant.

const METHOD_NAMES: Record<string, string> = {
  meeting: "召开磋商座谈会", // 规则 Art 70(2)
  fact_confirmation: "向行政机关发送事实确认书", // 规则 Art 70(2)
};

export const consultationMinutes: KindDefinition<ConsultationSource> = {
  kind: "consultation_minutes",
  subject: "consultation",
  audience: "agency",
  numbered: false,
  // signed by both sides at the meeting, not served (规则 Art 70).
  release: "on_issue",
  fields: [
    text("case_title", "案件名称（案号）", "Case name (register number)"),
    text("agency", "行政机关", "The agency"),
    date("held_on", "磋商日期", "Date of the consultation"),
    text("place", "磋商地点", "Place", false),
    text("method", "磋商方式（规则第七十条）", "How it was held (Rules Art 70)"),
    text("attendees", "参加人员", "Attendees"),
    paras("facts", "违法行使职权或者不作为及公益受损的事实", "Facts of the violation and the harm"),
    paras("agency_position", "行政机关的意见", "The agency's position"),
    paras("rectification_plan", "整改方案", "Rectification plan", false),
    paras("minutes", "磋商情况及结论", "Course and outcome of the consultation"),
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "磋商纪要" },
    {
      type: "form",
      rows: [
        { label: "案件名称", text: "{{case_title}}" },
        { label: "行政机关", text: "{{agency}}" },
        { label: "磋商时间", text: "{{held_on}}" },
        { label: "磋商地点", text: "{{place}}" },
        { label: "磋商方式", text: "{{method}}" },
        { label: "参加人员", text: "{{attendees}}" },
      ],
    },
    { type: "para", text: `依照${RULES}第七十条的规定，本院与{{agency}}就下列事项进行了磋商，现纪要如下：` },
    { type: "heading", level: 1, text: "一、违法行使职权或者不作为及公益受损的事实" },
    { type: "block", field: "facts" },
    { type: "heading", level: 1, text: "二、行政机关的意见" },
    { type: "block", field: "agency_position" },
    { type: "heading", level: 1, text: "三、整改方案" },
    { type: "block", field: "rectification_plan" },
    { type: "heading", level: 1, text: "四、磋商情况及结论" },
    { type: "block", field: "minutes" },
    { type: "signature", signer: "参加人员（签名）：" },
  ],
  title: (s) => `磋商纪要（${s.caseTitle}）`,
  map: (s) => ({
    case_title: caseLabel(s.caseTitle, s.caseNumber),
    agency: s.agencyName,
    held_on: formatDocumentDate(s.heldOn),
    place: s.place?.trim() ?? "",
    method: METHOD_NAMES[s.method] ?? s.method,
    attendees: s.attendees?.trim() ?? "",
    facts: paragraphs(s.facts),
    agency_position: paragraphs(s.agencyPosition),
    rectification_plan: paragraphs(s.rectificationPlan),
    minutes: paragraphs(s.minutes),
  }),
};
