import { z } from "zod";

// Calendar dates and local date-times typed into forms. One schema for every date field: the value
// must be a real day (2023-02-30 and 2023-13-01 are refused, not rolled over into March or into the
// next year). Messages are i18n keys.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Whether "YYYY-MM-DD" names a real calendar day: it survives a round trip through a UTC date. */
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000) return false; // Date.UTC reads the years 0–99 as 1900–1999
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.toISOString().slice(0, 10) === value;
}

/** Whether "YYYY-MM-DDTHH:mm" (seconds optional), as a datetime-local input sends it, is a real moment. */
export function isRealLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  return isRealDate(m[1]!) && h <= 23 && min <= 59 && s <= 59;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The one schema of a required date field: "YYYY-MM-DD", a real calendar day. */
export const isoDateSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .refine((v) => v === "" || isRealDate(v), "validation.date");

/** An optional date field: absent or empty is undefined, anything else as isoDateSchema. */
export const optionalIsoDateSchema = z.preprocess(blankToUndefined, isoDateSchema.optional());

/** A required datetime-local field ("YYYY-MM-DDTHH:mm", Asia/Shanghai wall time), a real moment. */
export const localDateTimeSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .refine((v) => v === "" || isRealLocalDateTime(v), "validation.dateTime");

/** An optional datetime-local field. */
export const optionalLocalDateTimeSchema = z.preprocess(blankToUndefined, localDateTimeSchema.optional());

/**
 * The instant a datetime-local value names on the legal clock (Asia/Shanghai, UTC+8 all year,
 * no daylight saving), for storing in UTC.
 */
export function shanghaiLocalToDate(value: string): Date {
  if (!isRealLocalDateTime(value)) throw new RangeError(`not a local date-time: ${value}`);
  return new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`);
}
