import { z } from "zod";

// The public observer sign-up (旁听申请) for a public hearing (听证规定 Art 5: hearings are
// normally public; Art 10(4): the 听证公告 tells the public how to apply to observe).
// Messages are i18n keys; the form shows them in the visitor's language.

export const OBSERVER_NAME_MAX = 50;
export const OBSERVER_ORGANISATION_MAX = 100;

// Mainland mobile: 11 digits starting 13–19, optionally with the +86 / 86 country code.
const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
// Landline: area code 0 + 2–3 digits, then a 7–8 digit number, optional extension;
// written 0735-2345678, 07352345678 or (0735)2345678. Local numbers begin with 2–9 (1xx are
// service numbers).
const LANDLINE = /^(?:0\d{2,3}-?|\(0\d{2,3}\))[2-9]\d{6,7}(?:-\d{1,6})?$/;

/** Removes the spaces people type inside phone numbers ("138 0000 0000"). */
export function normalizePhone(raw: string): string {
  return raw
    .replace(/[\s\u3000]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[—－]/g, "-");
}

export function isMainlandPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

export const observerRequestSchema = z.object({
  name: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(OBSERVER_NAME_MAX, "validation.tooLong"),
  phone: z
    .string({ error: "validation.required" })
    .transform(normalizePhone)
    .pipe(
      z
        .string()
        .min(1, "validation.required")
        // An empty value is reported as required above, not also as malformed.
        .refine((v) => v === "" || isMainlandPhone(v), "validation.phone")
    ),
  organisation: z
    .string()
    .trim()
    .max(OBSERVER_ORGANISATION_MAX, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type ObserverRequestInput = z.infer<typeof observerRequestSchema>;

/** Observer requests that hold a seat: accepted ones and those still waiting for a decision. */
export const SEAT_HOLDING_STATUSES = ["pending", "accepted"] as const;

export type SignUpRefusal = "hearingStarted" | "hearingConcluded" | "hearingCancelled" | "seatsFull";

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
