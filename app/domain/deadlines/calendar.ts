import chineseDays from "chinese-days";
import type { IsoDate } from "~/domain/deadlines/dates";
import { weekdayOf, yearOf } from "~/domain/deadlines/dates";

/**
 * The working-day calendar: official holidays and make-up workdays (调休) from the `chinese-days`
 * package (2004–2026 at the time of writing), plus HolidayOverride rows passed in as data.
 * A year the package does not know is reported, never guessed: without data only weekends count
 * as rest days, so every deadline touching such a year carries a warning.
 */

export type HolidayOverrideInput = {
  date: IsoDate;
  kind: "holiday" | "workday" | string;
  name: string;
  /** null: global row; a procuratorate's own row wins over a global one for the same date. */
  procuratorateId?: string | null;
};

export type DayKind = "workday" | "weekend" | "holiday" | "makeup_workday";

export type DayInfo = {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** Holiday name in Chinese and English (weekday name for a plain weekend). */
  nameZh: string | null;
  nameEn: string | null;
  source: "package" | "override" | "weekday";
};

export type Calendar = {
  day(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** Whether holiday data (package or an administrator's holiday rows) exists for the year. */
  hasYear(year: number): boolean;
  /** The years in [from, to] without holiday data. */
  missingYears(fromYear: number, toYear: number): number[];
  /**
   * Years in [from, to] known only from holiday rows, with fewer holiday rows than the statutory
   * days off (so probably entered in part, e.g. only 元旦).
   */
  incompleteYears(fromYear: number, toYear: number): number[];
  /** Holiday rows (kind "holiday") entered for a year. */
  overrideHolidayCount(year: number): number;
};

/**
 * Statutory days off a year under 《全国年节及纪念日放假办法》: 11 from 2014 (2013 revision),
 * 13 from 2025 (2024 revision: one more day each for 春节 and 劳动节).
 */
export function statutoryHolidayDays(year: number): number {
  return year >= 2025 ? 13 : 11;
}

const WEEKDAY_ZH = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"] as const;
const WEEKDAY_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const packageYears = new Map<number, boolean>();

/** Whether the packaged data covers the year: it lists at least one statutory holiday in it. */
export function packageHasYear(year: number): boolean {
  let known = packageYears.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

function weekdayNames(date: IsoDate): { nameZh: string; nameEn: string } {
  const w = weekdayOf(date);
  return { nameZh: WEEKDAY_ZH[w] ?? "", nameEn: WEEKDAY_EN[w] ?? "" };
}

/** chinese-days names a festival "National Day,国庆节,3"; a plain day by its English weekday. */
function packageNames(raw: string, date: IsoDate): { nameZh: string; nameEn: string; festival: boolean } {
  const [en, zh] = raw.split(",");
  if (zh) return { nameEn: en ?? zh, nameZh: zh, festival: true };
  return { ...weekdayNames(date), festival: false };
}

export function createCalendar(overrides: readonly HolidayOverrideInput[] = []): Calendar {
  // A procuratorate's own row wins over the global one for the same date.
  const byDate = new Map<IsoDate, HolidayOverrideInput>();
  for (const o of overrides) {
    const existing = byDate.get(o.date);
    if (!existing || (existing.procuratorateId == null && o.procuratorateId != null)) byDate.set(o.date, o);
  }
  const overrideYears = new Map<number, number>();
  for (const o of byDate.values()) {
    if (o.kind === "holiday") overrideYears.set(yearOf(o.date), (overrideYears.get(yearOf(o.date)) ?? 0) + 1);
  }

  const hasYear = (year: number) => packageHasYear(year) || overrideYears.has(year);
  const range = (from: number, to: number) => {
    const out: number[] = [];
    for (let y = Math.min(from, to); y <= Math.max(from, to); y++) out.push(y);
    return out;
  };

  const day = (date: IsoDate): DayInfo => {
    const weekend = isWeekend(date);
    const o = byDate.get(date);
    if (o) {
      const holiday = o.kind === "holiday";
      return {
        date,
        working: !holiday,
        kind: holiday ? "holiday" : weekend ? "makeup_workday" : "workday",
        nameZh: o.name,
        nameEn: o.name,
        source: "override",
      };
    }
    if (packageHasYear(yearOf(date))) {
      const detail = chineseDays.getDayDetail(date);
      const names = packageNames(detail.name, date);
      if (!detail.work) {
        return { date, working: false, kind: names.festival ? "holiday" : "weekend", ...names, source: "package" };
      }
      return {
        date,
        working: true,
        kind: weekend ? "makeup_workday" : "workday",
        nameZh: names.festival ? names.nameZh : null,
        nameEn: names.festival ? names.nameEn : null,
        source: "package",
      };
    }
    return weekend
      ? { date, working: false, kind: "weekend", ...weekdayNames(date), source: "weekday" }
      : { date, working: true, kind: "workday", nameZh: null, nameEn: null, source: "weekday" };
  };

  return {
    day,
    isWorkingDay: (date) => day(date).working,
    hasYear,
    missingYears: (fromYear, toYear) => range(fromYear, toYear).filter((y) => !hasYear(y)),
    incompleteYears: (fromYear, toYear) =>
      range(fromYear, toYear).filter(
        (y) => !packageHasYear(y) && overrideYears.has(y) && (overrideYears.get(y) ?? 0) < statutoryHolidayDays(y)
      ),
    overrideHolidayCount: (year) => overrideYears.get(year) ?? 0,
  };
}
