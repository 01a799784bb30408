import { z } from "zod";
import type { ObserverRequestStatus } from "~/domain/hearing/states";

// The public observer sign-up (旁听申请) for a public hearing (听证规定 Art 5: hearings are
// normally public; Art 10(4): the 听证公告 tells the public how to apply to observe).
// Messages are i18n keys; the form shows them in the visitor's language.

export const OBSERVER_NAME_MAX = 50;
export const OBSERVER_ORGANISATION_MAX = 100;

// Canonical forms (what normalizePhone returns for a valid number):
// mobile: 11 digits starting 13–19, e.g. 13800000002;
// landline: area code (010 and 02x: 3 digits, otherwise 4) "-" a 7–8 digit local number starting
// 2–9 (1xx are service numbers), optional "-" extension, e.g. 0735-2345678, 010-62345678-801.
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0(?:[12]\d|[3-9]\d{2})-[2-9]\d{6,7}(?:-\d{1,6})?$/;
// As typed, once spaces and full-width characters are gone: an optional country code
// (+86, 0086, 86, (+86)), then a landline written 0735-2345678, 07352345678 or (0735)2345678.
// After a country code the leading 0 of the area code may be left out (+86 10 62345678).
const COUNTRY_CODE = /^\(?(?:\+86|0086|86)\)?-?/;
const TYPED_LANDLINE = /^(?:\((0?\d{2,3})\)|(0?\d{2,3}))-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;

/**
 * Brings a telephone number to one canonical form, so that +8613800000002, 86-138 0000 0002,
 * 0086 138-0000-0002 and 13800000002 are the same number (one person, one seat). Spaces,
 * dashes, parentheses and full-width punctuation are accepted. A value that is not a mainland
 * number is returned with only the spaces and full-width punctuation cleaned up.
 */
export function normalizePhone(raw: string): string {
  const loose = raw
    .replace(/[\s\u3000]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/＋/g, "+")
    .replace(/[—－]/g, "-");
  const withoutCode = loose.replace(COUNTRY_CODE, "");
  const hadCode = withoutCode !== loose;

  const digits = withoutCode.replace(/[-()]/g, "");
  if (MOBILE.test(digits)) return digits;

  const m = TYPED_LANDLINE.exec(withoutCode);
  if (!m) return loose;
  let area = m[1] ?? m[2] ?? "";
  if (!area.startsWith("0")) {
    if (!hadCode) return loose; // domestically the area code starts with 0
    area = `0${area}`;
  }
  // The split between area code and local number is re-derived from the digits, so that
  // 01062345678 and 010-62345678 come out the same.
  const number = area + (m[3] ?? "");
  const areaLength = /^0[12]/.test(number) ? 3 : 4;
  const canonical = `${number.slice(0, areaLength)}-${number.slice(areaLength)}${m[4] ? `-${m[4]}` : ""}`;
  return LANDLINE.test(canonical) ? canonical : loose;
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
export const SEAT_HOLDING_STATUSES = ["pending", "accepted"] as const satisfies readonly ObserverRequestStatus[];

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
