import type { KindDefinition } from "../spec";
import { hearingCause, hearingFormatText, hearingTimeText } from "./hearing-common";

// 听证员邀请函 to a panelist for one seat (听证规定 Art 11: brief the panelists on the facts, the
// issues and the law before the hearing; Art 7: no interest in the case, hence the declaration and
// the duty to ask for recusal). Panel-facing: the cases, their agencies and issues; never another
// panelist's contact data, nor the clue's informant.

export type PanelistInvitationSource = {
  hearingId: string;
  panelistId: string;
  panelist: string;
  hearing: {
    title: string;
    venue: string;
    startsAt: Date;
    endsAt: Date | null;
    isPublic: boolean;
    closedReason: string | null;
    host: { name: string; post: string | null };
    contactPhone: string | null;
  };
  cases: { ordinal: number; title: string; respondent: string | null; issues: string | null }[];
};

export const panelistInvitationDefinition: KindDefinition<PanelistInvitationSource> = {
  kind: "panelist_invitation",
  subject: "hearing_panelist",
  audience: "panel",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    { name: "panelist", type: "text", required: true, label: { zh: "受邀听证员", en: "Panelist invited" } },
    { name: "cause", type: "text", required: true, label: { zh: "听证案由", en: "Cause of the hearing" } },
    { name: "time", type: "text", required: true, label: { zh: "听证时间", en: "Time" } },
    { name: "place", type: "text", required: true, label: { zh: "听证地点", en: "Place" } },
    { name: "format", type: "text", required: true, label: { zh: "听证方式（公开或不公开）", en: "Public or closed" } },
    { name: "host", type: "text", required: true, label: { zh: "听证主持人", en: "Host" } },
    {
      name: "cases",
      type: "table",
      required: true,
      label: { zh: "听证案件及听证事项", en: "Cases heard and their issues" },
      columns: [
        { key: "ordinal", label: { zh: "序号", en: "No." }, width: 1 },
        { key: "title", label: { zh: "案件名称", en: "Case" }, width: 4 },
        { key: "respondent", label: { zh: "行政机关", en: "Agency" }, width: 3 },
        { key: "issues", label: { zh: "听证事项", en: "Issues" }, width: 6 },
      ],
    },
    { name: "contact", type: "text", required: true, label: { zh: "联系电话", en: "Contact telephone" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "听证员邀请函" },
    { type: "para", text: "{{panelist}}：", indent: false },
    { type: "para", text: "本院定于{{time}}，在{{place}}就{{cause}}召开{{format}}听证会，听证主持人为{{host}}。根据《人民检察院审查案件听证工作规定》第七条、第十一条的规定，诚邀您担任本次听证会的听证员。听证案件及听证事项如下：" },
    { type: "block", field: "cases" },
    { type: "para", text: "本院将在听证会召开前向您介绍案件事实、争议焦点和相关法律规定，并提供听证材料。您与本次听证的案件或者参加听证的行政机关及其负责人存在利害关系的，请及时告知本院并申请回避；不存在利害关系的，请在听证前签署无利害关系声明。听证材料涉及的国家秘密、商业秘密和个人信息，请予保密。" },
    { type: "para", text: "联系电话：{{contact}}。" },
    { type: "space", lines: 2 },
    { type: "signature" },
  ],
  title: (src) => `听证员邀请函（${src.panelist}）`,
  map: (src) => {
    const h = src.hearing;
    return {
      panelist: src.panelist,
      cause: hearingCause(h.title),
      time: hearingTimeText(h.startsAt, h.endsAt),
      place: h.venue,
      format: hearingFormatText(h.isPublic, h.closedReason),
      host: h.host.post ? `${h.host.name}（${h.host.post}）` : h.host.name,
      cases: {
        rows: [...src.cases]
          .sort((a, b) => a.ordinal - b.ordinal)
          .map((c, i) => [String(i + 1), c.title, c.respondent ?? "", c.issues?.trim() ?? ""]),
      },
      contact: h.contactPhone ?? "",
    };
  },
};
