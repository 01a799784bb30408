import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { isRealDate } from "~/domain/common/dates";

/**
 * Calendar dates as "YYYY-MM-DD" strings (Asia/Shanghai legal days, not instants). The arithmetic
 * runs on UTC midnights so the host's time zone never shifts a day.
 */
export type IsoDate = string;

export const LEGAL_TIME_ZONE = "Asia/Shanghai";

/** A real calendar day as "YYYY-MM-DD" (the one rule: app/domain/common/dates.ts). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && isRealDate(value);
}

function parts(date: IsoDate): { y: number; m: number; d: number } {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtc(date: IsoDate): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d);
}

/** Days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function yearOf(date: IsoDate): number {
  return parts(date).y;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * 86_400_000);
}

/**
 * Adds n months: the same day of the end month, or that month's last day when it has no such day
 * (1-31 + 1 month → 2-28/29). `clamped` tells whether the last-day rule applied.
 */
export function addMonths(date: IsoDate, n: number): { date: IsoDate; clamped: boolean } {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = daysInMonth(ny, nm);
  const day = Math.min(d, last);
  return { date: fromUtc(Date.UTC(ny, nm - 1, day)), clamped: day !== d };
}

/** b − a in calendar days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an instant in Asia/Shanghai ("today" for deadline purposes). */
export function dateInShanghai(instant: Date = new Date()): IsoDate {
  return format(new TZDate(instant.getTime(), LEGAL_TIME_ZONE), "yyyy-MM-dd");
}
