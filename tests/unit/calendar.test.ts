import { describe, expect, test } from "vitest";
import {
  deadlineEvent,
  feedHearingsFrom,
  feedPath,
  hearingEvent,
  tokenOfFeedFile,
} from "~/domain/calendar/feed";
import { calendarRange, parseCalendarQuery, shanghaiMidnight, weekStart } from "~/domain/calendar/view";

const labels = { hearing: (t: string) => `听证：${t}`, deadline: (l: string) => `期限：${l}` };

describe("calendar views (Asia/Shanghai days, weeks from Monday)", () => {
  test("the query falls back to today's month on bad input", () => {
    expect(parseCalendarQuery(new URLSearchParams("view=week&date=2026-12-08"), "2026-12-01")).toEqual({ view: "week", date: "2026-12-08" });
    expect(parseCalendarQuery(new URLSearchParams("view=year&date=2026-02-30"), "2026-12-01")).toEqual({ view: "month", date: "2026-12-01" });
    expect(parseCalendarQuery(new URLSearchParams(""), "2026-12-01")).toEqual({ view: "month", date: "2026-12-01" });
  });

  test("weekStart is the Monday on or before the day", () => {
    expect(weekStart("2026-12-08")).toBe("2026-12-07"); // a Tuesday
    expect(weekStart("2026-12-07")).toBe("2026-12-07");
    expect(weekStart("2026-12-13")).toBe("2026-12-07"); // a Sunday
  });

  test("a month view covers whole weeks around the month, with prev/next months", () => {
    const r = calendarRange("month", "2026-12-15");
    expect(r.from).toBe("2026-11-30");
    expect(r.to).toBe("2027-01-04");
    expect(r.weeks).toHaveLength(5);
    expect(r.weeks.every((w) => w.length === 7)).toBe(true);
    expect(r.weeks[0]![1]).toBe("2026-12-01");
    expect(r.month).toBe("2026-12");
    expect(r.prev).toBe("2026-11-01");
    expect(r.next).toBe("2027-01-01");
  });

  test("a week view is seven days from Monday, stepping a week", () => {
    const r = calendarRange("week", "2026-12-08");
    expect(r.weeks).toEqual([["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]]);
    expect([r.from, r.to, r.prev, r.next]).toEqual(["2026-12-07", "2026-12-14", "2026-12-01", "2026-12-15"]);
  });

  test("a day starts at 00:00 in Shanghai (16:00 UTC the day before)", () => {
    expect(shanghaiMidnight("2026-12-08").toISOString()).toBe("2026-12-07T16:00:00.000Z");
  });
});

describe("feed events (.ics)", () => {
  const hearing = {
    id: "h1",
    title: "公开听证",
    venue: "检察听证室",
    startsAt: new Date("2026-12-08T01:30:00Z"),
    endsAt: null,
    cases: [
      { number: "桂检行公建〔2026〕1号", title: "甲案" },
      { number: null, title: "乙案" },
    ],
  };

  test("a hearing is a timed event with a stable uid, its venue, cases and link; no end means two hours", () => {
    const e = hearingEvent(hearing, labels, "https://procura.example/hearings/h1", "procura.example");
    expect(e).toEqual({
      uid: "hearing-h1@procura.example",
      summary: "听证：公开听证",
      description: "桂检行公建〔2026〕1号 甲案\n乙案",
      location: "检察听证室",
      url: "https://procura.example/hearings/h1",
      allDay: false,
      start: new Date("2026-12-08T01:30:00Z"),
      end: new Date("2026-12-08T03:30:00Z"),
    });
    const withEnd = hearingEvent({ ...hearing, endsAt: new Date("2026-12-08T05:00:00Z") }, labels, null, "h");
    expect(withEnd.end).toEqual(new Date("2026-12-08T05:00:00Z"));
  });

  test("a deadline is an all-day event on its due day", () => {
    const e = deadlineEvent({ key: "agency_reply:r1", dueOn: "2026-12-31", label: "行政机关书面回复", detail: "甲案" }, labels, "h");
    expect(e).toMatchObject({ uid: "deadline-agency_reply:r1@h", summary: "期限：行政机关书面回复", allDay: true, description: "甲案" });
    expect(e.start.toISOString()).toBe("2026-12-31T00:00:00.000Z");
    expect(e.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  test("the feed reaches back 90 days", () => {
    expect(feedHearingsFrom("2026-12-01").toISOString()).toBe("2026-09-01T16:00:00.000Z");
  });

  test("a feed file names a 43-character base64url token followed by .ics; anything else is no token", () => {
    const token = "A".repeat(42) + "_";
    expect(feedPath(token)).toBe(`/feeds/${token}.ics`);
    expect(tokenOfFeedFile(`${token}.ics`)).toBe(token);
    expect(tokenOfFeedFile(token)).toBeNull();
    expect(tokenOfFeedFile(`${token}x.ics`)).toBeNull();
    expect(tokenOfFeedFile("../etc.ics")).toBeNull();
    expect(tokenOfFeedFile(undefined)).toBeNull();
  });
});
