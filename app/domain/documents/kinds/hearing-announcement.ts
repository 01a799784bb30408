import type { RedactionTerms } from "~/domain/privacy/redact";
import { redactPublicText } from "~/domain/privacy/redact";
import type { KindDefinition } from "../spec";
import { hearingCause, hearingTimeText, zhLabel } from "./hearing-common";

// 听证公告 (public hearing announcement, 听证规定 Art 10(4); content per DOMAIN.md §3: the matter
// heard, time, place, host, format, how to apply to observe, contact, issuer, date). Public: every
// text goes out through redactPublicText, so the names of the private persons the hearing knows
// (participants, panelists, observers, informants) are masked (个人信息保护法 Arts 28, 33–34).
// Panelists are named by category and number only; no panelist's phone is ever read.

export type HearingAnnouncementSource = {
  hearingId: string;
  title: string;
  purpose: string | null;
  /** The titles of the cases heard, for the matter when no purpose was written. */
  caseTitles: string[];
  venue: string;
  startsAt: Date;
  endsAt: Date | null;
  /** The host: an official acting in office, not masked. */
  host: string;
  /** The categories of the seated (not recused) panelists. */
  panelCategories: string[];
  /** The participating units (agencies and other bodies), in order, not the people. */
  organisations: string[];
  observerSeats: number | null;
  contactPhone: string | null;
  redaction: RedactionTerms;
};

/** 人大代表、政协委员等12名 (categories in order of first appearance, then the count). */
export function panelText(categories: string[]): string {
  if (!categories.length) return "由本院从听证员库中选取";
  const labels = [...new Set(categories)].map((c) => zhLabel("panelistCategory", c));
  return `${labels.join("、")}共${categories.length}名`;
}

/** The participating units: all of them when few, the first with the count when many. */
export function organisationsText(organisations: string[]): string {
  const units = [...new Set(organisations)];
  if (!units.length) return "相关行政机关";
  if (units.length <= 5) return units.join("、");
  return `${units.slice(0, 3).join("、")}等${units.length}家单位`;
}

/** How to apply to observe (听证规定 Art 5: public hearings admit the public). */
export function observeText(observerSeats: number | null): string {
  const seats = observerSeats ? `，旁听席位${observerSeats}个，按报名先后确定` : "";
  return `听证会公开进行。公民可在听证开始前通过本院听证公告网页或者联系电话报名申请旁听${seats}；旁听时须携带有效身份证件，遵守听证纪律。`;
}

export const hearingAnnouncementDefinition: KindDefinition<HearingAnnouncementSource> = {
  kind: "hearing_announcement",
  subject: "hearing",
  audience: "public",
  numbered: false,
  release: "never", // not addressed to an agency
  fields: [
    { name: "hearing_title", type: "text", required: true, label: { zh: "听证案件名称（隐去个人信息）", en: "Cases heard (personal data masked)" } },
    { name: "matter", type: "text", required: true, label: { zh: "听证事项", en: "Matter heard" } },
    { name: "time", type: "text", required: true, label: { zh: "听证时间", en: "Time of the hearing" } },
    { name: "place", type: "text", required: true, label: { zh: "听证地点", en: "Place of the hearing" } },
    { name: "host", type: "text", required: true, label: { zh: "听证主持人", en: "Host" } },
    { name: "panel", type: "text", required: true, label: { zh: "听证员（类别及人数）", en: "Panelists (categories and number)" } },
    { name: "participants", type: "text", required: true, label: { zh: "听证参加单位", en: "Participating units" } },
    { name: "observe", type: "text", required: true, label: { zh: "听证方式及申请旁听办法", en: "Format and how to apply to observe" } },
    { name: "contact", type: "text", required: true, label: { zh: "联系电话", en: "Contact telephone" } },
  ],
  body: [
    { type: "issuer" },
    { type: "title", text: "听证公告" },
    { type: "para", text: "本院定于{{time}}，在{{place}}就{{hearing_title}}召开公开听证会。根据《人民检察院审查案件听证工作规定》第十条的规定，现将有关事项公告如下：" },
    { type: "para", text: "一、听证事项：{{matter}}" },
    { type: "para", text: "二、听证主持人：{{host}}。" },
    { type: "para", text: "三、听证员：{{panel}}。" },
    { type: "para", text: "四、参加单位：{{participants}}。" },
    { type: "para", text: "五、旁听：{{observe}}" },
    { type: "para", text: "六、联系电话：{{contact}}。" },
    { type: "space", lines: 2 },
    { type: "signature" },
  ],
  title: (src) => `听证公告（${redactPublicText(src.title, src.redaction)}）`,
  map: (src) => {
    const r = (text: string) => redactPublicText(text, src.redaction);
    const matter = src.purpose?.trim() || `${src.caseTitles.join("；")}。`;
    return {
      hearing_title: r(hearingCause(src.title)),
      matter: r(matter),
      time: hearingTimeText(src.startsAt, src.endsAt),
      place: r(src.venue),
      host: src.host,
      panel: panelText(src.panelCategories),
      participants: r(organisationsText(src.organisations)),
      observe: observeText(src.observerSeats),
      contact: src.contactPhone ?? "",
    };
  },
};
