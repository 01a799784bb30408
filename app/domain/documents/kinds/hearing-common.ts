import { common } from "~/i18n/zh-CN/common";
import { hearingFlow } from "~/i18n/zh-CN/hearing-flow";
import { formatDocumentDateTime } from "../spec";

// Shared by the hearing and recommendation kinds (hearing_announcement … proof_of_service): the
// Chinese labels of domain values (documents are always in Chinese: the zh-CN dictionary is the one
// list of those labels), the subject id of a panel seat, and text helpers. Pure.

type Labels = Record<string, string>;
const labels = { ...common, ...hearingFlow } as Labels;

/** The Chinese label of a domain value (`panelistCategory`, `npc_deputy` → 人大代表), or the value itself. */
export function zhLabel(prefix: string, value: string | null | undefined): string {
  if (!value) return "";
  return labels[`${prefix}.${value}`] ?? value;
}

/**
 * A seat on a hearing's panel (HearingPanelist, keyed by hearing and panelist) as one document
 * subject id: "<hearingId>_<panelistId>" (cuids hold no "_").
 */
export function seatSubjectId(hearingId: string, panelistId: string): string {
  return `${hearingId}_${panelistId}`;
}

/** The hearing and panelist ids of a seat subject id, or null when it is not one. */
export function parseSeatSubjectId(subjectId: string): { hearingId: string; panelistId: string } | null {
  const parts = subjectId.split("_");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { hearingId: parts[0], panelistId: parts[1] };
}

/** Text stored with line breaks → its non-empty paragraphs. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** The time of a hearing: "2022年6月9日9时00分至2022年6月16日17时00分" (same day: "…至17时00分"). */
export function hearingTimeText(startsAt: Date | string, endsAt: Date | string | null): string {
  const start = formatDocumentDateTime(startsAt);
  if (!endsAt) return start;
  const end = formatDocumentDateTime(endsAt);
  const sameDay = start.slice(0, start.indexOf("日") + 1) === end.slice(0, end.indexOf("日") + 1);
  return `${start}至${sameDay ? end.slice(end.indexOf("日") + 1) : end}`;
}

/** A Date's day in Asia/Shanghai as YYYY-MM-DD. */
export function shanghaiDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** "公开" or "不公开（理由）": the hearing's format (听证规定 Art 5). */
export function hearingFormatText(isPublic: boolean, closedReason: string | null): string {
  if (isPublic) return "公开";
  return closedReason ? `不公开（${closedReason}）` : "不公开";
}

/** A person with their identity category: 张三（人大代表）. */
export function nameWithCategory(name: string, category: string): string {
  const label = zhLabel("panelistCategory", category);
  return label ? `${name}（${label}）` : name;
}

/** The hearing's cause for a sentence "就…召开听证会": its title without a trailing "（公开）听证（会）". */
export function hearingCause(title: string): string {
  return title.trim().replace(/(公开)?听证会?$/u, "") || title.trim();
}
