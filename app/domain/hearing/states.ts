import { z } from "zod";

/** Where a hearing (听证) stands, Hearing.status (DOMAIN.md §2). Labels: hearingStatus.<status>. */
export const HEARING_STATUSES = [
  "planned", // approved by the chief and being prepared (听证规定 Arts 4, 10)
  "notified", // participants notified ≥3 days ahead, 听证公告 published if public (听证规定 Art 10)
  "in_progress", // in session (听证规定 Arts 14–15)
  "deliberating", // recess: the panel deliberates among itself (听证规定 Art 15, step 4)
  "concluded", // the host has summed up; the hearing is closed (听证规定 Art 15, step 7)
  "cancelled", // called off
] as const;
export const hearingStatusSchema = z.enum(HEARING_STATUSES);
export type HearingStatus = z.infer<typeof hearingStatusSchema>;

/** Hearing statuses after which a hearing is over: it no longer counts as coming. */
export const FINISHED_HEARING_STATUSES = ["concluded", "cancelled"] as const satisfies readonly HearingStatus[];

export function isFinishedHearing(status: string): boolean {
  return (FINISHED_HEARING_STATUSES as readonly string[]).includes(status);
}

/**
 * Hearing statuses the public pages show; the preparation states (planned, notified) are internal,
 * a public hearing is announced by its 听证公告 (听证规定 Art 10(4)).
 */
export const PUBLIC_HEARING_STATUSES = [
  "in_progress",
  "deliberating",
  "concluded",
  "cancelled",
] as const satisfies readonly HearingStatus[];

export function isPublicHearingStatus(status: string): boolean {
  return (PUBLIC_HEARING_STATUSES as readonly string[]).includes(status);
}

/** Who attends besides the panel, HearingParticipant.kind. Labels: participantKind.<kind>. */
export const PARTICIPANT_KINDS = [
  "agency_representative", // representatives of a participating agency (听证规定 Arts 10, 14)
  "other", // 其他参加人, e.g. the county epidemic-control HQ (DOMAIN.md §2, 系列案)
  "observer", // a member of the public admitted to a public hearing (听证规定 Art 5)
] as const;
export const participantKindSchema = z.enum(PARTICIPANT_KINDS);
export type ParticipantKind = z.infer<typeof participantKindSchema>;

/**
 * A member of the public's request to observe a public hearing, HearingObserverRequest.status.
 * Labels: hearings.observerStatus.<status>.
 */
export const OBSERVER_REQUEST_STATUSES = ["pending", "accepted", "declined"] as const;
export const observerRequestStatusSchema = z.enum(OBSERVER_REQUEST_STATUSES);
export type ObserverRequestStatus = z.infer<typeof observerRequestStatusSchema>;

/**
 * A panel seat's no-conflict declaration (HearingPanelist.declaredAt / recused), as shown:
 * signed, still pending, or the panelist was recused (规则 Art 19; 听证规定 Art 7).
 */
export const DECLARATION_STATES = ["signed", "pending", "recused"] as const;
export type DeclarationState = (typeof DECLARATION_STATES)[number];

export function declarationState(seat: { declaredAt: Date | string | null; recused: boolean }): DeclarationState {
  if (seat.recused) return "recused";
  return seat.declaredAt ? "signed" : "pending";
}

/**
 * The one transition table of a hearing's status (issue 9): planned → notified → in_progress →
 * deliberating → concluded, and cancelled from any status before the hearing concludes.
 * Each entry names the statuses a hearing may move to from it.
 */
export const HEARING_TRANSITIONS: Record<HearingStatus, readonly HearingStatus[]> = {
  // Notified once every participant and panelist has notice (听证规定 Art 10).
  planned: ["notified", "cancelled"],
  // The host opens the session (听证规定 Art 14).
  notified: ["in_progress", "cancelled"],
  // Recess: the panel deliberates (听证规定 Art 15, step 4).
  in_progress: ["deliberating", "cancelled"],
  // The host sums up and closes the hearing (听证规定 Art 15, step 7); needs deliberation closed.
  deliberating: ["concluded", "cancelled"],
  concluded: [],
  cancelled: [],
};

export function canMoveHearing(from: string, to: HearingStatus): boolean {
  const parsed = hearingStatusSchema.safeParse(from);
  return parsed.success && HEARING_TRANSITIONS[parsed.data].includes(to);
}

/** Statuses in which a hearing's setup (title, venue, cases, panel, participants) may be edited. */
export const EDITABLE_HEARING_STATUSES = ["planned", "notified"] as const satisfies readonly HearingStatus[];

export function isHearingEditable(status: string): boolean {
  return (EDITABLE_HEARING_STATUSES as readonly string[]).includes(status);
}

/**
 * The order of business of the 2020 hearing rules (听证规定 Arts 14–15; DOMAIN.md §2), Hearing.stage
 * and HearingStageRecord.stage. Labels: hearingDay.stage.<stage>.
 */
export const HEARING_STAGES = [
  "attendance", // 0. confirm attendance; announce procedure and discipline (Art 14)
  "presentation", // 1. the prosecutor presents the case, issues and evidence (Art 15(1))
  "statements", // 2. agencies and other participants state their positions (Art 15(2))
  "questions", // 3. panelists question them (Art 15(3))
  "deliberation", // 4. recess: the panel deliberates among itself (Art 15(4))
  "opinions", // 5. resume: panelists give their opinions (Art 15(5))
  "final_statements", // 6. parties make final statements (Art 15(6))
  "summary", // 7. the host sums up (Art 15(7))
] as const;
export const hearingStageSchema = z.enum(HEARING_STAGES);
export type HearingStage = z.infer<typeof hearingStageSchema>;

/** The status a hearing is in while at a stage: stages 0–3 in session, 4–7 from the recess on. */
export function statusOfStage(stage: HearingStage): HearingStatus {
  return HEARING_STAGES.indexOf(stage) < HEARING_STAGES.indexOf("deliberation") ? "in_progress" : "deliberating";
}

/**
 * The handling the panel is asked to weigh for one case, HearingCase.proposedHandling.
 * Labels: hearingSetup.proposedHandling.<value>.
 */
export const PROPOSED_HANDLINGS = [
  "recommend", // issue a 检察建议 with the stated points (规则 Art 75)
  "close", // close the case (规则 Art 74)
  "suit", // bring a suit (规则 Art 81)
  "assess_rectification", // judge whether the agency's rectification is complete (指引 Art 4)
  "other",
] as const;
export const proposedHandlingSchema = z.enum(PROPOSED_HANDLINGS);
export type ProposedHandling = z.infer<typeof proposedHandlingSchema>;

/** How a participant or panelist was notified (HearingPanelist/HearingParticipant.noticeMethod). */
export const NOTICE_METHODS = ["in_person", "phone", "post", "sms", "email", "portal"] as const;
export const noticeMethodSchema = z.enum(NOTICE_METHODS);
export type NoticeMethod = z.infer<typeof noticeMethodSchema>;

/** A recusal request's decision (HearingPanelist.recusalDecision; 规则 Art 23). */
export const RECUSAL_DECISIONS = ["granted", "refused"] as const;
export const recusalDecisionSchema = z.enum(RECUSAL_DECISIONS);
export type RecusalDecision = z.infer<typeof recusalDecisionSchema>;
