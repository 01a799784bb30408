import type { Locale, Translate } from "~/i18n";

/**
 * The one home of date formatting in the UI (docs/decisions/0011-dates-and-a-living-demo.md). One
 * format per kind of value and locale, always in Asia/Shanghai (the legal day, DESIGN.md):
 *
 * | kind          | zh-CN              | en                  |
 * | ------------- | ------------------ | ------------------- |
 * | calendar date | 2026年9月8日       | Sep 8, 2026         |
 * | date and time | 2026年9月8日 15:00 | Sep 8, 2026, 15:00  |
 * | time          | 15:00              | 15:00               |
 * | countdown     | 还剩 3 天 / 今天到期 / 已逾期 2 天 | 3 days left / Due today / 2 days overdue |
 *
 * Calendar dates ("YYYY-MM-DD", e.g. Case.filedOn) are days, not instants: they are read as that
 * day in Asia/Shanghai. Instants (Date, or an ISO string with a time) are shown in Asia/Shanghai.
 * Pages never call toLocaleDateString or Intl.DateTimeFormat themselves.
 */

export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

type Value = Date | string | null | undefined;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toInstant(value: Date | string): Date {
  if (typeof value !== "string") return value;
  return CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
}

const DAY: Record<Locale, Intl.DateTimeFormatOptions> = {
  "zh-CN": { year: "numeric", month: "long", day: "numeric" },
  en: { year: "numeric", month: "short", day: "numeric" },
};
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, kind: "date" | "dateTime" | "time"): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const options = kind === "date" ? DAY[locale] : kind === "time" ? TIME : { ...DAY[locale], ...TIME };
    f = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date: 2026年9月8日 / Sep 8, 2026. Accepts instants and YYYY-MM-DD dates. */
export function formatDate(value: Value, locale: Locale): string {
  if (!value) return "";
  return formatter(locale, "date").format(toInstant(value));
}

/** A date with its time: 2026年9月8日 15:00 / Sep 8, 2026, 15:00. */
export function formatDateTime(value: Value, locale: Locale): string {
  if (!value) return "";
  return formatter(locale, "dateTime").format(toInstant(value));
}

/** A time of day: 15:00 (both locales, 24-hour). */
export function formatTime(value: Value, locale: Locale): string {
  if (!value) return "";
  return formatter(locale, "time").format(toInstant(value));
}

/** The Asia/Shanghai calendar day of an instant, for comparing two instants by day. */
function dayKey(value: Date | string): string {
  return new Date(toInstant(value).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A span of time: "2026年9月8日 09:30 至 12:00" on one day, both dates and times otherwise
 * ("Sep 8, 2026, 09:30 to Sep 9, 2026, 12:00"). Without an end, the start alone.
 */
export function formatDateTimeRange(start: Date | string, end: Value, t: Translate): string {
  const from = formatDateTime(start, t.locale);
  if (!end) return from;
  const to = dayKey(start) === dayKey(end) ? formatTime(end, t.locale) : formatDateTime(end, t.locale);
  return t("dates.range", { start: from, end: to });
}

/**
 * Days to a due date as words: "还剩 3 天" / "3 days left", "今天到期" / "Due today",
 * "已逾期 2 天" / "2 days overdue" (days < 0).
 */
export function formatCountdown(days: number, t: Translate): string {
  if (days === 0) return t("dates.countdown.today");
  const n = Math.abs(days);
  const one = n === 1;
  if (days < 0) return t(one ? "dates.countdown.overdue.one" : "dates.countdown.overdue.other", { n });
  return t(one ? "dates.countdown.left.one" : "dates.countdown.left.other", { n });
}
