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
