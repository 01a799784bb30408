import { describe, expect, test } from "vitest";
import { createCalendar } from "~/domain/deadlines/calendar";
import { isLateNotice, missingNotices, noticeDeadline, noticeRefusal, notifiedRefusal } from "~/domain/hearing/notices";

// The notice rule of a hearing (听证规定 Art 10: at least 3 days before), over the packaged holiday
// data the deadlines code uses (chinese-days) and an administrator's holiday rows.

const cal = createCalendar([]);
const at = (local: string) => new Date(`${local}+08:00`);

describe("noticeDeadline (听证规定 Art 10)", () => {
  test("an ordinary Monday hearing: notice by the Friday before, to its last minute", () => {
    const d = noticeDeadline(at("2026-12-07T09:00:00"), cal);
    expect(d.dueOn).toBe("2026-12-04");
    expect(d.latestOnTime.toISOString()).toBe("2026-12-04T15:59:59.999Z"); // 23:59:59.999 in Shanghai
  });

  test("three days before falls on a Saturday: moved back to the Friday, never shortened", () => {
    expect(noticeDeadline(at("2026-12-08T09:00:00"), cal).dueOn).toBe("2026-12-04");
  });

  test("the Monday after the 端午 holiday weekend: the Friday is 端午, so notice by the Thursday", () => {
    const d = noticeDeadline(at("2026-06-22T09:30:00"), cal);
    expect(d.deadline.periodEndOn).toBe("2026-06-19");
    expect(d.dueOn).toBe("2026-06-18");
    expect(d.deadline.steps.map((s) => s.key)).toContain("deadlines.step.movedBack");
  });

  test("the Monday after 元旦 2026: back across the year to 2025-12-31", () => {
    expect(noticeDeadline(at("2026-01-05T09:00:00"), cal).dueOn).toBe("2025-12-31");
  });

  test("after 国庆节: back over the whole week of holidays to the last working day before it", () => {
    expect(noticeDeadline(at("2026-10-08T09:00:00"), cal).dueOn).toBe("2026-09-30");
  });

  test("a make-up workday (调休) counts as a working day", () => {
    const d = noticeDeadline(at("2026-02-24T09:00:00"), cal);
    expect(d.dueOn).toBe("2026-02-14");
    expect(d.deadline.steps.map((s) => s.key)).toContain("deadlines.step.makeupWorkday");
  });

  test("an administrator's holiday row moves the deadline too", () => {
    const withRow = createCalendar([{ date: "2026-12-04", kind: "holiday", name: "本地假日" }]);
    expect(noticeDeadline(at("2026-12-07T09:00:00"), withRow).dueOn).toBe("2026-12-03");
  });

  test("the hearing day is taken in Shanghai time: 00:30 on the 8th is still the 8th", () => {
    // 2026-12-07T16:30Z is 2026-12-08 00:30 in Shanghai.
    expect(noticeDeadline(new Date("2026-12-07T16:30:00Z"), cal).dueOn).toBe("2026-12-04");
  });
});

describe("isLateNotice", () => {
  const hearing = at("2026-06-22T09:30:00");
  test("on the due day, even late in the evening, is on time", () => {
    expect(isLateNotice(at("2026-06-18T23:59:00"), hearing, cal)).toBe(false);
    expect(isLateNotice(at("2026-06-10T10:00:00"), hearing, cal)).toBe(false);
  });
  test("the next day (the holiday itself) is late", () => {
    expect(isLateNotice(at("2026-06-19T00:00:00"), hearing, cal)).toBe(true);
    expect(isLateNotice(at("2026-06-21T10:00:00"), hearing, cal)).toBe(true);
  });
});

describe("noticeRefusal", () => {
  const base = { startsAt: at("2026-06-22T09:30:00"), now: at("2026-06-20T12:00:00"), calendar: cal };
  test("a late notice is refused without an approved late_notice and accepted with one", () => {
    expect(noticeRefusal({ ...base, notifiedAt: at("2026-06-20T11:00:00"), lateNoticeApproved: false })).toBe("lateNotice");
    expect(noticeRefusal({ ...base, notifiedAt: at("2026-06-20T11:00:00"), lateNoticeApproved: true })).toBeNull();
  });
  test("an on-time notice needs no approval", () => {
    expect(noticeRefusal({ ...base, notifiedAt: at("2026-06-15T11:00:00"), lateNoticeApproved: false })).toBeNull();
  });
  test("a notice in the future is refused (a minute of clock skew is allowed)", () => {
    expect(noticeRefusal({ ...base, notifiedAt: at("2026-06-20T12:30:00"), lateNoticeApproved: true })).toBe("noticeInFuture");
    expect(noticeRefusal({ ...base, notifiedAt: at("2026-06-20T12:00:30"), lateNoticeApproved: true })).toBeNull();
  });
});

describe("missingNotices and notifiedRefusal", () => {
  const panelists = [
    { name: "甲听证员", notifiedAt: new Date(), recused: false },
    { name: "乙听证员", notifiedAt: null, recused: false },
    { name: "丙听证员", notifiedAt: null, recused: true },
  ];
  const participants = [
    { name: "丁代表", notifiedAt: null },
    { name: "戊代表", notifiedAt: "2026-06-10T02:00:00.000Z" },
  ];
  test("lists seated panelists and participants without notice; recused panelists do not count", () => {
    expect(missingNotices(panelists, participants)).toEqual(["乙听证员", "丁代表"]);
  });
  test("marking notified needs the approved hearing, somebody invited and nobody missing", () => {
    expect(notifiedRefusal({ hearingApproved: false, recipients: 2, missing: [] })).toBe("hearingNotApproved");
    expect(notifiedRefusal({ hearingApproved: true, recipients: 0, missing: [] })).toBe("nobodyToNotify");
    expect(notifiedRefusal({ hearingApproved: true, recipients: 2, missing: ["乙听证员"] })).toBe("noticesMissing");
    expect(notifiedRefusal({ hearingApproved: true, recipients: 2, missing: [] })).toBeNull();
  });
});
