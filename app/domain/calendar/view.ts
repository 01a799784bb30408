import { z } from "zod";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, addMonths, daysInMonth, isIsoDate, weekdayOf } from "~/domain/deadlines/dates";

// The staff hearing calendar (issue 9 item 8): a month or a week of Asia/Shanghai days, weeks
// starting on Monday. Pure: the route reads the query, the model fetches the hearings of the range.

export const CALENDAR_VIEWS = ["month", "week"] as const;
export const calendarViewSchema = z.enum(CALENDAR_VIEWS);
export type CalendarView = z.infer<typeof calendarViewSchema>;

/** The view and the day it shows (`?view=week&date=2026-12-08`); a bad value falls back to today's month. */
export function parseCalendarQuery(params: URLSearchParams, today: IsoDate): { view: CalendarView; date: IsoDate } {
  const view = calendarViewSchema.catch("month").parse(params.get("view") ?? undefined);
  const raw = params.get("date");
  const date = isIsoDate(raw) && raw >= "1900-01-01" && raw <= "2999-12-31" ? raw : today;
  return { view, date };
}

/** The Monday of the week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export type CalendarRange = {
  view: CalendarView;
  date: IsoDate;
  /** First day shown and the day after the last (the query range, in Asia/Shanghai days). */
  from: IsoDate;
  to: IsoDate;
  /** The days shown, by week (7 a row). */
  weeks: IsoDate[][];
  /** The month shown (month view) or the month of the week's Monday: "YYYY-MM". */
  month: string;
  prev: IsoDate;
  next: IsoDate;
};

export function calendarRange(view: CalendarView, date: IsoDate): CalendarRange {
  let from: IsoDate;
  let days: number;
  if (view === "week") {
    from = weekStart(date);
    days = 7;
  } else {
    const first = `${date.slice(0, 7)}-01`;
    const last = `${date.slice(0, 7)}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, "0")}`;
    from = weekStart(first);
    days = Math.round((Date.parse(addDays(weekStart(last), 7)) - Date.parse(from)) / 86_400_000);
  }
  const weeks: IsoDate[][] = [];
  for (let i = 0; i < days; i += 7) weeks.push(Array.from({ length: 7 }, (_, d) => addDays(from, i + d)));
  const step = (n: number) => (view === "week" ? addDays(date, 7 * n) : addMonths(`${date.slice(0, 7)}-01`, n).date);
  return {
    view,
    date,
    from,
    to: addDays(from, days),
    weeks,
    month: (view === "week" ? from : date).slice(0, 7),
    prev: step(-1),
    next: step(1),
  };
}

/** The instant a Shanghai day starts (UTC+8, no daylight saving). */
export function shanghaiMidnight(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
