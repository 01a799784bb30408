import { z } from "zod";
import { phoneSchema } from "~/domain/common/phone";
import type { ObserverRequestStatus } from "~/domain/hearing/states";
import { isFinishedHearing } from "~/domain/hearing/states";

// The public observer sign-up (旁听申请) for a public hearing (听证规定 Art 5: hearings are
// normally public; Art 10(4): the 听证公告 tells the public how to apply to observe).
// Messages are i18n keys; the form shows them in the visitor's language.

export const OBSERVER_NAME_MAX = 50;
export const OBSERVER_ORGANISATION_MAX = 100;

export const observerRequestSchema = z.object({
  name: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(OBSERVER_NAME_MAX, "validation.tooLong"),
  // One person, one seat: stored in canonical form (app/domain/common/phone.ts).
  phone: phoneSchema,
  organisation: z
    .string()
    .trim()
    .max(OBSERVER_ORGANISATION_MAX, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type ObserverRequestInput = z.infer<typeof observerRequestSchema>;

// The statuses are in app/domain/hearing/states.ts (one home for each list).
export { OBSERVER_REQUEST_STATUSES, observerRequestStatusSchema } from "~/domain/hearing/states";
export type { ObserverRequestStatus } from "~/domain/hearing/states";

/** Observer requests that hold a seat: accepted ones and those still waiting for a decision. */
export const SEAT_HOLDING_STATUSES = ["pending", "accepted"] as const satisfies readonly ObserverRequestStatus[];

/**
 * Sign-ups per client address: at most `perAddress` requests in any `windowMinutes`, across all
 * hearings. A household or an office behind one address can still sign up a few people; one
 * machine cannot fill a hearing's seats (200 requests from one address once did). The counter is
 * the requests table itself (HearingObserverRequest.ip, createdAt), so it holds across workers.
 */
export const OBSERVER_SIGNUP_LIMIT = { perAddress: 5, windowMinutes: 60 } as const;

/** Start of the rate-limit window that ends at `now`. */
export function signUpWindowStart(now: Date): Date {
  return new Date(now.getTime() - OBSERVER_SIGNUP_LIMIT.windowMinutes * 60_000);
}

/** Whether an address that already made `recentFromAddress` requests in the window may make another. */
export function signUpRateLimited(recentFromAddress: number): boolean {
  return recentFromAddress >= OBSERVER_SIGNUP_LIMIT.perAddress;
}

export type SignUpRefusal = "hearingStarted" | "hearingConcluded" | "hearingCancelled" | "seatsFull" | "rateLimited";

/**
 * Whether a member of the public may still ask to observe: not once the hearing has begun or
 * ended, nor when the seats the procuratorate set aside are taken by accepted and pending requests.
 * Returns the refusal reason, or null when sign-up is open.
 */
export function observerSignUpRefusal(input: {
  status: string;
  startsAt: Date;
  now: Date;
  observerSeats: number | null;
  seatsTaken: number;
}): SignUpRefusal | null {
  if (input.status === "cancelled") return "hearingCancelled";
  if (input.status === "concluded") return "hearingConcluded";
  if (input.status === "in_progress" || input.status === "deliberating") return "hearingStarted";
  if (input.now.getTime() >= input.startsAt.getTime()) return "hearingStarted";
  if (input.observerSeats !== null && input.seatsTaken >= input.observerSeats) return "seatsFull";
  return null;
}

/** Seats still free, or null when the hearing sets no limit. */
export function seatsLeft(observerSeats: number | null, seatsTaken: number): number | null {
  return observerSeats === null ? null : Math.max(0, observerSeats - seatsTaken);
}

// ───────── staff decisions on a request ─────────

export const OBSERVER_DECISION_REASON_MAX = 200;

/** Staff accept or decline a request from the hearing page; a reason for declining is optional. */
export const observerDecisionSchema = z.object({
  requestId: z.string({ error: "validation.invalid" }).trim().min(1, "validation.invalid").max(64, "validation.invalid"),
  decision: z.enum(["accepted", "declined"], { error: "validation.invalid" }),
  reason: z
    .string()
    .trim()
    .max(OBSERVER_DECISION_REASON_MAX, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type ObserverDecisionInput = z.infer<typeof observerDecisionSchema>;

export type ObserverDecisionRefusal = "hearingOver" | "alreadyDecided";

/**
 * Whether staff may record this decision. A pending request may be accepted or declined; an
 * accepted one may still be declined (the seat is given back), but a declined one is final: the
 * person may sign up again. Accepting never needs a free seat, since a pending request already
 * holds one. Nothing is decided once the hearing is over or cancelled.
 */
export function observerDecisionRefusal(input: {
  from: ObserverRequestStatus;
  to: "accepted" | "declined";
  hearingStatus: string;
}): ObserverDecisionRefusal | null {
  if (isFinishedHearing(input.hearingStatus)) return "hearingOver";
  if (input.from === "declined" || input.from === input.to) return "alreadyDecided";
  return null;
}
