import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { createT } from "~/i18n";
import { formatCountdown, formatDate, formatDateTime, formatDateTimeRange, formatTime } from "~/i18n/dates";

// One format per kind of value and locale (docs/decisions/0011-dates-and-a-living-demo.md), in
// Asia/Shanghai whatever the host's time zone.

const zh = createT("zh-CN");
const en = createT("en");
// 2026-09-08 15:00 in Asia/Shanghai; 2026-09-08 late evening UTC is already the 9th in Shanghai.
const afternoon = new Date("2026-09-08T07:00:00Z");
const lateUtc = new Date("2026-09-08T17:30:00Z");

describe("date formatters", () => {
  test("calendar date", () => {
    expect(formatDate("2026-09-08", "zh-CN")).toBe("2026年9月8日");
    expect(formatDate("2026-09-08", "en")).toBe("Sep 8, 2026");
    expect(formatDate(afternoon, "zh-CN")).toBe("2026年9月8日");
    expect(formatDate(lateUtc, "zh-CN")).toBe("2026年9月9日");
    expect(formatDate(lateUtc, "en")).toBe("Sep 9, 2026");
    expect(formatDate(null, "en")).toBe("");
  });

  test("date and time: the calendar date's format plus a 24-hour time", () => {
    expect(formatDateTime(afternoon, "zh-CN")).toBe("2026年9月8日 15:00");
    expect(formatDateTime(afternoon, "en")).toBe("Sep 8, 2026, 15:00");
    expect(formatDateTime("2026-09-08T07:00:00.000Z", "zh-CN")).toBe("2026年9月8日 15:00");
    expect(formatDateTime(lateUtc, "en")).toBe("Sep 9, 2026, 01:30");
    // The mix the issue found on one page (2026年9月8日 beside 2026/09/08 15:00) cannot recur.
    expect(formatDateTime(afternoon, "zh-CN").startsWith(formatDate(afternoon, "zh-CN"))).toBe(true);
    expect(formatDateTime(afternoon, "en").startsWith(formatDate(afternoon, "en"))).toBe(true);
    expect(formatDateTime(undefined, "zh-CN")).toBe("");
  });

  test("time of day", () => {
    expect(formatTime(afternoon, "zh-CN")).toBe("15:00");
    expect(formatTime(afternoon, "en")).toBe("15:00");
    expect(formatTime(new Date("2026-09-08T01:05:00Z"), "en")).toBe("09:05");
  });

  test("ranges: the end's time only on the same Shanghai day", () => {
    const start = new Date("2026-12-08T01:30:00Z");
    expect(formatDateTimeRange(start, new Date("2026-12-08T04:00:00Z"), zh)).toBe("2026年12月8日 09:30 至 12:00");
    expect(formatDateTimeRange(start, new Date("2026-12-08T04:00:00Z"), en)).toBe("Dec 8, 2026, 09:30 to 12:00");
    expect(formatDateTimeRange(start, new Date("2026-12-09T04:00:00Z"), zh)).toBe("2026年12月8日 09:30 至 2026年12月9日 12:00");
    expect(formatDateTimeRange(start, null, en)).toBe("Dec 8, 2026, 09:30");
  });

  test("countdowns", () => {
    expect([3, 1, 0, -1, -2].map((n) => formatCountdown(n, zh))).toEqual(["还剩 3 天", "还剩 1 天", "今天到期", "已逾期 1 天", "已逾期 2 天"]);
    expect([3, 1, 0, -1, -2].map((n) => formatCountdown(n, en))).toEqual([
      "3 days left",
      "1 day left",
      "Due today",
      "1 day overdue",
      "2 days overdue",
    ]);
  });
});

describe("one home for date formatting", () => {
  const appDir = path.resolve(import.meta.dirname, "../../../app");
  const home = path.join(appDir, "i18n/dates.ts");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(abs);
      } else if (/\.tsx?$/.test(entry.name) && abs !== home) files.push(abs);
    }
  };
  walk(appDir);

  test("no page formats a date by hand", () => {
    const handMade = /toLocaleDateString|toLocaleTimeString|toLocaleString\(|Intl\.DateTimeFormat|\.getFullYear\(|\.getMonth\(|\.getHours\(/;
    const offenders = files.filter((f) => handMade.test(fs.readFileSync(f, "utf8"))).map((f) => path.relative(appDir, f));
    expect(offenders).toEqual([]);
  });
});
