import type { KindDefinition } from "../spec";
import { hearingCause, hearingFormatText, hearingTimeText, nameWithCategory } from "./hearing-common";

// 听证通知书 to a participant: the agency whose representative is notified, or another participant
// (其他参加人). 听证规定 Art 10: notify the cause, time and place at least three days before, and tell
// the parties the host's and the panelists' names and identities (so they may ask for recusal,
// 规则 Arts 19, 23). Agency-facing: panelists by name and category only (never their phone), and
// no clue's informant.

export type HearingNoticeSource = {
  participantId: string;
  /** The unit notified (the agency or other body) and the person who attends for it. */
  organisation: string;
  name: string;
  post: string | null;
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
  /** The cases this unit is heard on (all the hearing's cases when it is not a respondent), in order. */
  issues: { caseTitle: string; issues: string | null }[];
  /** The seated panelists (not recused): name and category. */
  panelists: { name: string; category: string }[];
};

export const hearingNoticeDefinition: KindDefinition<HearingNoticeSource> = {
  kind: "hearing_notice",
  subject: "hearing_participant",
  audience: "agency",
  numbered: false,
  // a notice to a participant, not served with a 送达回证 (听证规定 Art 10).
  release: "on_issue",
  fields: [
    { name: "addressee", type: "text", required: true, label: { zh: "受通知单位", en: "Unit notified" } },
    { name: "attendee", type: "text", required: true, label: { zh: "参加人（职务、姓名）", en: "Person attending (post, name)" } },
    { name: "cause", type: "text", required: true, label: { zh: "听证案由", en: "Cause of the hearing" } },
    { name: "time", type: "text", required: true, label: { zh: "听证时间", en: "Time" } },
    { name: "place", type: "text", required: true, label: { zh: "听证地点", en: "Place" } },
    { name: "format", type: "text", required: true, label: { zh: "听证方式（公开或不公开）", en: "Public or closed" } },
    { name: "issues", type: "list", required: true, numbering: "arabic", label: { zh: "听证事项", en: "Issues to be heard" } },
    { name: "host", type: "text", required: true, label: { zh: "听证主持人姓名及职务", en: "Host's name and post" } },
    { name: "panelists", type: "text", required: true, label: { zh: "听证员姓名及身份", en: "Panelists' names and identities" } },
    { name: "contact", type: "text", required: true, label: { zh: "联系电话", en: "Contact telephone" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "听证通知书" },
    { type: "para", text: "{{addressee}}：", indent: false },
    { type: "para", text: "本院定于{{time}}，在{{place}}就{{cause}}召开{{format}}听证会。根据《人民检察院审查案件听证工作规定》第十条的规定，现通知你单位{{attendee}}参加听证。听证事项如下：" },
    { type: "block", field: "issues" },
    { type: "para", text: "听证主持人：{{host}}。" },
    { type: "para", text: "听证员：{{panelists}}。" },
    { type: "para", text: "请携带本通知书、有关材料和身份证件准时参加。参加人可以就听证事项陈述意见、出示证据。认为听证主持人、听证员与本案有利害关系的，可以在听证开始前向本院申请回避。" },
    { type: "para", text: "联系电话：{{contact}}。" },
    { type: "space", lines: 2 },
    { type: "signature" },
  ],
  title: (src) => `听证通知书（${src.organisation}）`,
  map: (src) => {
    const h = src.hearing;
    return {
      addressee: src.organisation,
      attendee: `${src.post ?? ""}${src.name}`,
      cause: hearingCause(h.title),
      time: hearingTimeText(h.startsAt, h.endsAt),
      place: h.venue,
      format: hearingFormatText(h.isPublic, h.closedReason),
      issues: src.issues.map((i) => (i.issues?.trim() ? `${i.caseTitle}：${i.issues.trim()}` : i.caseTitle)),
      host: h.host.post ? `${h.host.name}（${h.host.post}）` : h.host.name,
      panelists: src.panelists.length ? src.panelists.map((p) => nameWithCategory(p.name, p.category)).join("、") : "另行通知",
      contact: h.contactPhone ?? "",
    };
  },
};
