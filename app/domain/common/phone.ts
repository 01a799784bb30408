import { z } from "zod";

// Telephone numbers, one canonical form for every phone field of every form (the public observer
// sign-up, the procuratorate profile, agencies, panelists). A field stores what normalizePhone
// returns, so the same number typed two ways is one number. Messages are i18n keys.

// Canonical forms (what normalizePhone returns for a valid number):
// mobile: 11 digits starting 13–19, e.g. 13800000002;
// landline: area code (010 and 02x: 3 digits, otherwise 4) "-" a 7–8 digit local number starting
// 2–9 (1xx are service numbers), optional "-" extension, e.g. 0735-2345678, 010-62345678-801;
// service number (a unit's hotline, never a person's): 1xx–1xxxx or 95xxx/96xxx, optionally after
// an area code, e.g. 12309, 0735-12309; national 400/800 numbers as 400-123-4567.
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0(?:[12]\d|[3-9]\d{2})-[2-9]\d{6,7}(?:-\d{1,6})?$/;
const SERVICE = /^(?:0(?:[12]\d|[3-9]\d{2})-)?(?:1\d{2,4}|9[56]\d{3})$/;
const NATIONAL = /^[48]00-\d{3}-\d{4}$/;
// As typed, once spaces and full-width characters are gone: an optional country code
// (+86, 0086, 86, (+86)), then a landline written 0735-2345678, 07352345678 or (0735)2345678.
// After a country code the leading 0 of the area code may be left out (+86 10 62345678).
const COUNTRY_CODE = /^\(?(?:\+86|0086|86)\)?-?/;
const TYPED_LANDLINE = /^(?:\((0?\d{2,3})\)|(0?\d{2,3}))-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;
const TYPED_SERVICE = /^(?:\((0\d{2,3})\)|(0\d{2,3}))?-?(1\d{2,4}|9[56]\d{3})$/;

/** Splits area code and local number: 010 and 02x have 3 digits, every other area code 4. */
function withAreaCode(number: string, rest = ""): string {
  const areaLength = /^0[12]/.test(number) ? 3 : 4;
  return `${number.slice(0, areaLength)}-${number.slice(areaLength)}${rest}`;
}

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
  if (/^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;

  const m = TYPED_LANDLINE.exec(withoutCode);
  // Domestically the area code starts with 0; after a country code the 0 may be left out.
  if (m && (hadCode || (m[1] ?? m[2] ?? "").startsWith("0"))) {
    const area = (m[1] ?? m[2] ?? "").replace(/^0?/, "0");
    // The split between area code and local number is re-derived from the digits, so that
    // 01062345678 and 010-62345678 come out the same.
    const canonical = withAreaCode(area + (m[3] ?? ""), m[4] ? `-${m[4]}` : "");
    if (LANDLINE.test(canonical)) return canonical;
  }
  if (!hadCode) {
    const s = TYPED_SERVICE.exec(withoutCode);
    if (s) {
      const area = s[1] ?? s[2];
      const canonical = area ? `${area}-${s[3]}` : s[3]!;
      if (SERVICE.test(canonical)) return canonical;
    }
  }
  return loose;
}

/** A number a person can be called back on: a mainland mobile or landline. */
export function isMainlandPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** A unit's contact number: a personal number, or a service hotline (12309, 0735-12309, 400-…). */
export function isContactPhone(raw: string): boolean {
  const phone = normalizePhone(raw);
  return isMainlandPhone(phone) || SERVICE.test(phone) || NATIONAL.test(phone);
}

const PHONE_MAX = 40;

function phoneField(check: (v: string) => boolean) {
  return z
    .string({ error: "validation.required" })
    .max(PHONE_MAX, "validation.phone")
    .transform(normalizePhone)
    .pipe(
      z
        .string()
        .min(1, "validation.required")
        // An empty value is reported as required above, not also as malformed.
        .refine((v) => v === "" || check(v), "validation.phone")
    );
}

/**
 * The one schema of a person's phone field: required, stored in canonical form. Refuses
 * anything that is not a mainland mobile or landline number (a date, letters, service numbers).
 */
export const phoneSchema = phoneField(isMainlandPhone);

/** An optional person's phone: absent or empty is undefined, anything else as phoneSchema. */
export const optionalPhoneSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  phoneSchema.optional()
);

/** A unit's optional contact phone (profile, agency, hearing): hotlines such as 12309 are allowed too. */
export const optionalContactPhoneSchema = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  phoneField(isContactPhone).optional()
);
