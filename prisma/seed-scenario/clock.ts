import type { Calendar } from "~/domain/deadlines/calendar";
import { createCalendar, packageHasYear } from "~/domain/deadlines/calendar";
import { computeDeadline } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, dateInShanghai, diffDays, isIsoDate, yearOf } from "~/domain/deadlines/dates";
import type { DeadlineRuleId } from "~/domain/deadlines/rules";

/**
 * The recent demo scenario is written as a story around one day, ANCHOR_DAY (2026-11-26). The
 * seed moves it to the day the database is seeded (the "seed day"): every date of the story keeps
 * its distance from the anchor in WORKING days, counted on the official calendar of each side
 * (holidays and 调休 make-up days from chinese-days, plus the seed's holiday rows), so an act done
 * on a working day still lands on one, and the order of events never changes. A date on a rest
 * day keeps its distance in calendar days from the working day before it.
 *
 * The few dates a countdown hangs on (a reply due in 1–3 days, a reply overdue) are not moved but
 * computed from the seed day with the deadline engine itself (see `lastTriggerFor`), and the
 * case around such a date is moved with it (`around`).
 */
export const ANCHOR_DAY: IsoDate = "2026-11-26";

/** The earliest seed day accepted: the story starts about ten months before it. */
const EARLIEST_SEED_YEAR = 2023;

export type DayMapper = (anchorDate: IsoDate) => IsoDate;

export class SeedClock {
  readonly year: number;
  private readonly anchorCalendar: Calendar;
  private readonly seedCalendar: Calendar;
  private readonly mapDay: DayMapper;

  constructor(
    readonly seedDay: IsoDate,
    /** The seed's own holiday rows, so the seed and the app count the same working days. */
    seedCalendar: Calendar,
  ) {
    if (!isIsoDate(seedDay)) throw new RangeError(`seed day must be YYYY-MM-DD: ${seedDay}`);
    if (yearOf(seedDay) < EARLIEST_SEED_YEAR) throw new RangeError(`seed day must be in ${EARLIEST_SEED_YEAR} or later: ${seedDay}`);
    this.year = yearOf(seedDay);
    this.anchorCalendar = createCalendar();
    this.seedCalendar = seedCalendar;
    this.mapDay = this.around(ANCHOR_DAY, seedDay);
  }

  get calendar(): Calendar {
    return this.seedCalendar;
  }

  /** The seed-side date of a date of the story. */
  day(anchorDate: IsoDate): IsoDate {
    return this.mapDay(anchorDate);
  }

  /** "2026-11-20 10:00" of the story → the same wall time on the moved day, as a string. */
  local(anchorLocal: string, map: DayMapper = this.mapDay): string {
    const [day, time] = anchorLocal.split(" ");
    return time ? `${map(day!)} ${time}` : map(day!);
  }

  /**
   * A mapper that moves the story's `anchorPivot` to `pivot` and every other date by the same
   * number of working days: used for a case whose key date is computed from the seed day.
   */
  around(anchorPivot: IsoDate, pivot: IsoDate): DayMapper {
    const cache = new Map<IsoDate, IsoDate>();
    return (date) => {
      let out = cache.get(date);
      if (out === undefined) {
        let working = date;
        let extra = 0;
        while (!this.anchorCalendar.isWorkingDay(working)) {
          working = addDays(working, -1);
          extra += 1;
        }
        const k = workdaysBetween(this.anchorCalendar, anchorPivot, working);
        out = addDays(addWorkdays(this.seedCalendar, pivot, k), extra);
        cache.set(date, out);
      }
      return out;
    };
  }

  /** The seed-side working day n working days from the seed day (n < 0: before it). */
  workdays(n: number): IsoDate {
    return addWorkdays(this.seedCalendar, this.seedDay, n);
  }

  /**
   * The latest working day before the seed day that, as the trigger of `ruleId`, gives a due date
   * `minLeft`…`maxLeft` days from the seed day (negative: overdue). Around long holidays no working
   * day may give such a date; the window then widens away from the seed day (a due-soon window
   * later, an overdue window earlier), so a countdown never flips between due and overdue.
   */
  lastTriggerFor(ruleId: DeadlineRuleId, minLeft: number, maxLeft: number): IsoDate {
    const candidates: { trigger: IsoDate; left: number }[] = [];
    for (let back = 1; back <= 150; back++) {
      const trigger = addDays(this.seedDay, -back);
      if (!this.seedCalendar.isWorkingDay(trigger)) continue;
      candidates.push({ trigger, left: diffDays(this.seedDay, computeDeadline(ruleId, trigger, this.seedCalendar).dueOn) });
    }
    for (let widen = 0; widen <= 20; widen++) {
      const lo = minLeft >= 0 ? minLeft : minLeft - widen;
      const hi = minLeft >= 0 ? maxLeft + widen : maxLeft;
      const hit = candidates.find((c) => c.left >= lo && c.left <= hi);
      if (hit) return hit.trigger;
    }
    throw new Error(`seed: no trigger day for ${ruleId} near ${this.seedDay}`);
  }
}

/** Signed count of working days from a (exclusive) to b (inclusive); a working b after a counts 1. */
function workdaysBetween(calendar: Calendar, a: IsoDate, b: IsoDate): number {
  if (a === b) return 0;
  const step = a < b ? 1 : -1;
  let n = 0;
  for (let d = a; d !== b; ) {
    d = addDays(d, step);
    if (calendar.isWorkingDay(d)) n += step;
  }
  return n;
}

/** n working days after (n > 0) or before (n < 0) a date; the date itself when n is 0. */
function addWorkdays(calendar: Calendar, from: IsoDate, n: number): IsoDate {
  let d = from;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (calendar.isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** The seed day: PROCURA_SEED_DAY when set (tests, reproducible demos), else today in Asia/Shanghai. */
export function defaultSeedDay(env: Record<string, string | undefined> = process.env): IsoDate {
  const fromEnv = env.PROCURA_SEED_DAY?.trim();
  if (fromEnv) {
    if (!isIsoDate(fromEnv)) throw new RangeError(`PROCURA_SEED_DAY must be YYYY-MM-DD: ${fromEnv}`);
    return fromEnv;
  }
  return dateInShanghai();
}

/** The first year from `fromYear` on that the packaged holiday data does not cover. */
export function firstYearWithoutPackageData(fromYear: number): number {
  let year = fromYear;
  while (packageHasYear(year)) year += 1;
  return year;
}

/** "2026年11月5日" of a calendar date, for the Chinese text of demo documents. */
export function zhDate(date: IsoDate): string {
  return `${yearOf(date)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
