import { describe, expect, test } from "vitest";
import {
  AGENCY_DUE_SOON_DAYS,
  agencyReplyClock,
  agencyReplyClockFromStored,
  agencyReplyDeadline,
  agencyReplyWindows,
  computeDeadline,
  createCalendar,
  DEADLINE_RULES,
} from "~/domain/deadlines";
import { isLate, objectionLastDay } from "~/domain/recommendation/reply-schemas";

// The agency's reply due date (两高解释 Art 21), computed once for the deadline list and both
// agency portal pages.
const cal = createCalendar();

describe("agencyReplyDeadline", () => {
  test("two months from service; a last day on a rest day moves on (民诉法 Art 85)", () => {
    // Served Thu 2022-06-16: two months end Tue 2022-08-16, a working day.
    expect(agencyReplyDeadline({ replyPeriod: "two_months", servedOn: ["2022-06-16"] }, cal)?.dueOn).toBe("2022-08-16");
    // Served 2022-07-31: September has no 31st, so the period ends on its last day.
    const r = agencyReplyDeadline({ replyPeriod: "two_months", servedOn: ["2022-07-31"] }, cal)!;
    expect(r.periodEndOn).toBe("2022-09-30");
    expect(r.ruleId).toBe("agency_reply");
  });

  test("fifteen days when urgent", () => {
    const r = agencyReplyDeadline({ replyPeriod: "fifteen_days", servedOn: ["2022-06-16"] }, cal)!;
    expect(r.ruleId).toBe("agency_reply_urgent");
    expect(r.dueOn).toBe("2022-07-01");
  });

  test("the first service starts the clock, whatever order the dates come in", () => {
    const r = agencyReplyDeadline({ replyPeriod: "two_months", servedOn: ["2022-06-20", "2022-06-16"] }, cal)!;
    expect(r.triggerOn).toBe("2022-06-16");
    expect(r).toEqual(computeDeadline(DEADLINE_RULES.agency_reply, "2022-06-16", cal));
  });

  test("no service, no deadline", () => {
    expect(agencyReplyDeadline({ replyPeriod: "two_months", servedOn: [] }, cal)).toBeNull();
  });

  test("an unknown period reads as two months", () => {
    expect(agencyReplyDeadline({ replyPeriod: "three_weeks", servedOn: ["2022-06-16"] }, cal)?.ruleId).toBe("agency_reply");
  });
});

describe("agencyReplyClock", () => {
  const input = { replyPeriod: "fifteen_days", servedOn: ["2022-06-16"], replyStatuses: [] as string[] };

  test("days left and status as of today, with the reader's warning window", () => {
    const clock = agencyReplyClock(input, cal, "2022-06-25", AGENCY_DUE_SOON_DAYS)!;
    expect(clock.dueOn).toBe("2022-07-01");
    expect(clock.days).toBe(6);
    expect(clock.status).toBe("due_soon");
    expect(agencyReplyClock(input, cal, "2022-06-25")!.status).toBe("ok");
    expect(agencyReplyClock(input, cal, "2022-07-01")!.days).toBe(0);
    expect(agencyReplyClock(input, cal, "2022-07-02")!.status).toBe("overdue");
  });

  test("a submitted or assessed reply stops the clock; a draft does not", () => {
    expect(agencyReplyClock({ ...input, replyStatuses: ["draft"] }, cal, "2022-06-20")!.replied).toBe(false);
    expect(agencyReplyClock({ ...input, replyStatuses: ["draft", "submitted"] }, cal, "2022-06-20")!.replied).toBe(true);
    expect(agencyReplyClock({ ...input, replyStatuses: ["assessed"] }, cal, "2022-06-20")!.replied).toBe(true);
  });

  test("null before service", () => {
    expect(agencyReplyClock({ ...input, servedOn: [] }, cal, "2022-06-20")).toBeNull();
  });
});

describe("agencyReplyClockFromStored (the portal reads the stored due date)", () => {
  test("days left and status from the stored due date; replied from my replies", () => {
    const stored = {
      dueOn: "2026-12-07",
      pausedSince: null,
      pausedDaysLeft: null,
    };
    expect(agencyReplyClockFromStored(stored, [], "2026-12-01")).toEqual({
      dueOn: "2026-12-07",
      days: 6,
      status: "due_soon",
      replied: false,
    });
    expect(agencyReplyClockFromStored(stored, ["draft"], "2026-11-20")).toMatchObject({ days: 17, status: "ok", replied: false });
    expect(agencyReplyClockFromStored(stored, ["submitted"], "2026-12-08")).toMatchObject({
      days: -1,
      status: "overdue",
      replied: true,
    });
  });

  test("agrees with the computed clock on the same due date", () => {
    const input = {
      replyPeriod: "fifteen_days",
      servedOn: ["2026-11-20"],
      replyStatuses: [],
    };
    const computed = agencyReplyClock(input, cal, "2026-12-01", AGENCY_DUE_SOON_DAYS)!;
    const stored = agencyReplyClockFromStored(
      { dueOn: computed.dueOn, pausedSince: null, pausedDaysLeft: null },
      [],
      "2026-12-01"
    );
    expect(stored).toEqual({
      dueOn: computed.dueOn,
      days: computed.days,
      status: computed.status,
      replied: computed.replied,
    });
  });

  test("a paused clock (the case is suspended, 规则 Art 78) keeps the days it had left", () => {
    const stored = {
      dueOn: "2026-11-01",
      pausedSince: "2026-10-20",
      pausedDaysLeft: 12,
    };
    expect(agencyReplyClockFromStored(stored, [], "2026-12-01")).toMatchObject({
      days: 12,
      status: "paused",
    });
  });

  test("the counts' windows have the edges of deadlineStatus", () => {
    const w = agencyReplyWindows("2026-12-01");
    expect(w).toEqual({
      overdueBefore: "2026-12-01",
      soonFrom: "2026-12-01",
      soonTo: "2026-12-08",
    });
    const status = (dueOn: string) =>
      agencyReplyClockFromStored({ dueOn, pausedSince: null, pausedDaysLeft: null }, [], "2026-12-01").status;
    expect(status("2026-11-30")).toBe("overdue");
    expect(status(w.soonFrom)).toBe("due_soon");
    expect(status(w.soonTo)).toBe("due_soon");
    expect(status("2026-12-09")).toBe("ok");
  });
});

describe("the objection period and lateness (review findings)", () => {
  test("an objection period ending on a rest day runs to the next working day (民诉法 Art 85)", () => {
    // Served 2026-09-21 + 10 days = 2026-10-01, 国庆节: the last day moves to 2026-10-09 (after the holiday and its weekend).
    const last = objectionLastDay("2026-09-21", 10, cal);
    expect(last).not.toBe("2026-10-01");
    expect(cal.isWorkingDay(last!)).toBe(true);
    expect(objectionLastDay("2026-09-21", 10)).toBe("2026-10-01");
    expect(objectionLastDay(null, 10, cal)).toBeNull();
    expect(objectionLastDay("2026-09-21", null, cal)).toBeNull();
  });

  test("a reply is late only after the due date and never while the clock is paused (规则 Art 78)", () => {
    expect(isLate("2027-01-20", "2027-01-20")).toBe(false);
    expect(isLate("2027-01-20", "2027-01-21")).toBe(true);
    expect(isLate("2027-01-20", "2027-03-01", true)).toBe(false);
    expect(isLate(null, "2027-03-01")).toBe(false);
  });
});
