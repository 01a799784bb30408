import { z } from "zod";
import { nullableText, requiredText } from "~/domain/common/text";
import { HEARING_STAGES, hearingStageSchema, statusOfStage } from "~/domain/hearing/states";
import type { HearingStage, HearingStatus } from "~/domain/hearing/states";

// The hearing day (听证规定 Arts 14–15; DOMAIN.md §2): the host runs the order of business stage by
// stage, strictly in order; the clerk (书记员) keeps the minutes of each stage and the attendance.
//
// Who acts (decision, issue 9 item 6):
// - the host (Hearing.hostId, 听证规定 Art 13) opens the hearing, moves from stage to stage, closes
//   deliberation and concludes: the order of business is the host's to run;
// - the host and the clerk (Hearing.clerkId) record minutes and attendance: the clerk keeps the
//   record (听证笔录, DOMAIN.md §2), the host may fill in for a clerk who is not on the system.
// Other staff of the procuratorate (the case team, approvers) read the page.
//
// Closing deliberation (decision): the host closes it once the session has resumed at stage
// 'opinions' (Art 15(5)), after the panelists gave their opinions; stages 'final_statements' and
// 'summary' need it closed, so opinions are final and unsealed before the parties' final
// statements, and the hearing concludes only from stage 'summary' (Art 15(7)).

export type DayHearing = {
  status: string;
  stage: string | null;
  deliberationClosedAt: Date | string | null;
  hostId: string;
  clerkId: string | null;
};

export type DayRefusal =
  | "notHost"
  | "notHostOrClerk"
  | "wrongStatus"
  | "noticesMissing"
  | "stageOrder"
  | "deliberationOpen"
  | "deliberationClosed"
  | "notAtOpinions"
  | "notAtSummary"
  | "stageNotStarted";

/** The stage the hearing is at, or null before it opens (or for an unknown value). */
export function currentStage(hearing: Pick<DayHearing, "stage">): HearingStage | null {
  const parsed = hearingStageSchema.safeParse(hearing.stage);
  return parsed.success ? parsed.data : null;
}

/** The stage after `stage` in the order of business; the first stage before the hearing opens; null after the last. */
export function nextStage(stage: HearingStage | null): HearingStage | null {
  if (stage === null) return HEARING_STAGES[0];
  return HEARING_STAGES[HEARING_STAGES.indexOf(stage) + 1] ?? null;
}

/** Whether `stage` has been reached (started) when the hearing is at `current`. */
export function stageReached(stage: HearingStage, current: HearingStage | null): boolean {
  return current !== null && HEARING_STAGES.indexOf(stage) <= HEARING_STAGES.indexOf(current);
}

export const isHost = (h: Pick<DayHearing, "hostId">, userId: string) => h.hostId === userId;
export const isHostOrClerk = (h: Pick<DayHearing, "hostId" | "clerkId">, userId: string) =>
  h.hostId === userId || (h.clerkId !== null && h.clerkId === userId);

/** Whether a hearing is in session (from opening until it concludes): minutes and attendance may be recorded. */
export function inSession(status: string): boolean {
  return status === ("in_progress" satisfies HearingStatus) || status === ("deliberating" satisfies HearingStatus);
}

/**
 * Why the host may not open the hearing, or null (听证规定 Art 14: notified first). `missing` are
 * the seated panelists and participants still without a notice (missingNotices,
 * app/domain/hearing/notices.ts): someone added after the hearing was marked notified must be
 * notified before it opens (听证规定 Art 10).
 */
export function openRefusal(h: DayHearing, userId: string, missing: readonly string[]): DayRefusal | null {
  if (!isHost(h, userId)) return "notHost";
  if (h.status !== ("notified" satisfies HearingStatus) || currentStage(h) !== null) return "wrongStatus";
  if (missing.length > 0) return "noticesMissing";
  return null;
}

/**
 * Why the host may not move from stage `from` to stage `to`, or null. The order of business is
 * followed strictly (听证规定 Art 15): only the next stage, from the stage the host saw (`from`).
 * 'final_statements' (Art 15(6)) needs deliberation closed.
 */
export function advanceRefusal(h: DayHearing, userId: string, from: HearingStage, to: HearingStage): DayRefusal | null {
  if (!isHost(h, userId)) return "notHost";
  if (!inSession(h.status)) return "wrongStatus";
  const current = currentStage(h);
  if (current === null) return "wrongStatus";
  if (current !== from || nextStage(current) !== to) return "stageOrder";
  if (statusOfStage(current) !== h.status) return "wrongStatus";
  if (to === "final_statements" && h.deliberationClosedAt === null) return "deliberationOpen";
  return null;
}

/**
 * The status move a stage change needs: entering 'deliberation' is the recess (in_progress →
 * deliberating, 听证规定 Art 15(4)); other stages keep the status.
 */
export function statusMoveFor(from: HearingStage, to: HearingStage): HearingStatus | null {
  return statusOfStage(to) !== statusOfStage(from) ? statusOfStage(to) : null;
}

/** Why the host may not close deliberation now, or null (decision above: at stage 'opinions'). */
export function closeDeliberationRefusal(h: DayHearing, userId: string): DayRefusal | null {
  if (!isHost(h, userId)) return "notHost";
  if (h.deliberationClosedAt !== null) return "deliberationClosed";
  if (h.status !== ("deliberating" satisfies HearingStatus)) return "wrongStatus";
  if (currentStage(h) !== "opinions") return "notAtOpinions";
  return null;
}

/** Why the host may not conclude the hearing, or null: at the summary (Art 15(7)), deliberation closed. */
export function concludeRefusal(h: DayHearing, userId: string): DayRefusal | null {
  if (!isHost(h, userId)) return "notHost";
  if (h.status !== ("deliberating" satisfies HearingStatus)) return "wrongStatus";
  if (h.deliberationClosedAt === null) return "deliberationOpen";
  if (currentStage(h) !== "summary") return "notAtSummary";
  return null;
}

/** Why minutes of `stage` may not be recorded: host or clerk, in session (until concluded), stage started. */
export function minutesRefusal(h: DayHearing, userId: string, stage: HearingStage): DayRefusal | null {
  if (!isHostOrClerk(h, userId)) return "notHostOrClerk";
  if (!inSession(h.status)) return "wrongStatus";
  if (!stageReached(stage, currentStage(h))) return "stageNotStarted";
  return null;
}

/** Why attendance may not be recorded: host or clerk, in session (听证规定 Art 14: checked at the opening). */
export function attendanceRefusal(h: DayHearing, userId: string): DayRefusal | null {
  if (!isHostOrClerk(h, userId)) return "notHostOrClerk";
  if (!inSession(h.status)) return "wrongStatus";
  return null;
}

/** The HTTP status of a refusal: not the host or clerk is 403, everything else a state conflict (409). */
export function refusalStatus(refusal: DayRefusal): 403 | 409 {
  return refusal === "notHost" || refusal === "notHostOrClerk" ? 403 : 409;
}

// Forms of the hearing-day tab (one schema per form; `intent` names the form).
export const MINUTES_MAX = 20_000;
export const SUMMARY_MAX = 5_000;

/** Attendance checkboxes: `panelist:<panelistId>` and `participant:<participantId>` set to "on" are present. */
export const hearingDaySchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open") }),
  z.object({ intent: z.literal("advance"), from: hearingStageSchema, to: hearingStageSchema }),
  z.object({ intent: z.literal("minutes"), stage: hearingStageSchema, minutes: nullableText(MINUTES_MAX) }),
  z.object({ intent: z.literal("attendance"), present: z.array(z.string().min(1).max(100)).max(500).default([]) }),
  z.object({ intent: z.literal("closeDeliberation") }),
  z.object({
    intent: z.literal("conclude"),
    deliberationSummary: requiredText(SUMMARY_MAX),
    hostSummary: requiredText(SUMMARY_MAX),
  }),
]);
export type HearingDayInput = z.infer<typeof hearingDaySchema>;

/** Splits the attendance form's `present` values into panelist and participant ids. */
export function parsePresent(present: readonly string[]): { panelists: Set<string>; participants: Set<string> } {
  const panelists = new Set<string>();
  const participants = new Set<string>();
  for (const value of present) {
    const [kind, id] = value.split(":", 2);
    if (!id) continue;
    if (kind === "panelist") panelists.add(id);
    else if (kind === "participant") participants.add(id);
  }
  return { panelists, participants };
}
