import { describe, expect, test } from "vitest";
import {
  addMonths,
  computeDeadline,
  createCalendar,
  dateInShanghai,
  daysRemaining,
  DEADLINE_RULE_IDS,
  DEADLINE_RULES,
  deadlineStatus,
  explainSteps,
  localizeStepVars,
  packageHasYear,
  replyRuleFor,
  statutoryHolidayDays,
} from "~/domain/deadlines";
import { createT } from "~/i18n";

const cal = createCalendar();
const keys = (r: { steps: { key: string }[] }) => r.steps.map((s) => s.key.replace("deadlines.step.", ""));

describe("date arithmetic", () => {
  test("month periods clamp to the end month's last day", () => {
    expect(addMonths("2022-01-31", 1)).toEqual({ date: "2022-02-28", clamped: true });
    expect(addMonths("2024-01-31", 1)).toEqual({ date: "2024-02-29", clamped: true });
    expect(addMonths("2022-03-31", 1)).toEqual({ date: "2022-04-30", clamped: true });
    expect(addMonths("2022-06-16", 2)).toEqual({ date: "2022-08-16", clamped: false });
    expect(addMonths("2022-12-31", 2)).toEqual({ date: "2023-02-28", clamped: true });
    expect(addMonths("2022-03-31", -1)).toEqual({ date: "2022-02-28", clamped: true });
  });

  test("today is the calendar date in Asia/Shanghai", () => {
    // 2022-06-15T16:30Z is already 16 June 00:30 in Shanghai.
    expect(dateInShanghai(new Date("2022-06-15T16:30:00Z"))).toBe("2022-06-16");
    expect(dateInShanghai(new Date("2022-06-15T15:59:00Z"))).toBe("2022-06-15");
  });
});

describe("calendar", () => {
  test("knows the 2022 National Day holiday and its make-up Saturday", () => {
    expect(cal.day("2022-10-01")).toMatchObject({
      working: false,
      kind: "holiday",
      nameZh: "国庆节",
      nameEn: "National Day",
    });
    expect(cal.day("2022-10-07")).toMatchObject({ working: false, kind: "holiday" });
    // 2022-10-08 is a Saturday worked in lieu (调休).
    expect(cal.day("2022-10-08")).toMatchObject({ working: true, kind: "makeup_workday" });
    expect(cal.day("2022-10-15")).toMatchObject({ working: false, kind: "weekend", nameZh: "周六" });
    expect(cal.day("2022-10-10")).toMatchObject({ working: true, kind: "workday" });
  });

  test("reports years without data", () => {
    expect(packageHasYear(2026)).toBe(true);
    expect(packageHasYear(2027)).toBe(false);
    expect(cal.hasYear(2027)).toBe(false);
    expect(cal.missingYears(2025, 2028)).toEqual([2027, 2028]);
    // Without data only weekends rest: 2027-10-01 (a Friday) would count as a workday.
    expect(cal.day("2027-10-01")).toMatchObject({ working: true, source: "weekday" });
  });

  test("a year entered only in part is reported as incomplete", () => {
    expect(statutoryHolidayDays(2024)).toBe(11);
    expect(statutoryHolidayDays(2027)).toBe(13);
    const partial = createCalendar([{ date: "2027-01-01", kind: "holiday", name: "元旦" }]);
    expect(partial.hasYear(2027)).toBe(true);
    expect(partial.overrideHolidayCount(2027)).toBe(1);
    expect(partial.incompleteYears(2026, 2028)).toEqual([2027]);
    const full = createCalendar(
      Array.from({ length: 13 }, (_, i) => ({
        date: `2027-10-${String(i + 1).padStart(2, "0")}`,
        kind: "holiday",
        name: "国庆节",
      }))
    );
    expect(full.incompleteYears(2027, 2027)).toEqual([]);
    // Packaged years are never "incomplete", whatever rows exist.
    expect(partial.incompleteYears(2026, 2026)).toEqual([]);
  });

  test("overrides add a year's holidays; the procuratorate's own row wins over a global one", () => {
    const c = createCalendar([
      { date: "2027-10-01", kind: "holiday", name: "国庆节", procuratorateId: null },
      { date: "2027-10-09", kind: "workday", name: "国庆节调休", procuratorateId: null },
      { date: "2022-10-10", kind: "holiday", name: "全局", procuratorateId: null },
      { date: "2022-10-10", kind: "workday", name: "本院", procuratorateId: "p1" },
    ]);
    expect(c.hasYear(2027)).toBe(true);
    expect(c.day("2027-10-01")).toMatchObject({
      working: false,
      kind: "holiday",
      nameZh: "国庆节",
      source: "override",
    });
    expect(c.day("2027-10-09")).toMatchObject({ working: true, kind: "makeup_workday" });
    expect(c.day("2022-10-10")).toMatchObject({ working: true, nameZh: "本院" });
  });
});

describe("rules", () => {
  test("every rule cites its source and has a positive period", () => {
    for (const id of DEADLINE_RULE_IDS) {
      const r = DEADLINE_RULES[id];
      expect(r.id).toBe(id);
      expect(r.basis).toMatch(/Art \d+/);
      expect(r.amount).toBeGreaterThan(0);
    }
  });

  test("the statutory periods of DOMAIN §4", () => {
    const p = (id: keyof typeof DEADLINE_RULES) => [
      DEADLINE_RULES[id].amount,
      DEADLINE_RULES[id].unit,
      DEADLINE_RULES[id].basis,
    ];
    expect(p("filing_decision_service")).toEqual([7, "day", "规则 Art 70"]);
    expect(p("recommendation_service")).toEqual([3, "day", "规则 Art 76"]);
    expect(p("recommendation_filing_upward")).toEqual([5, "day", "规则 Art 75"]);
    expect(p("agency_reply")).toEqual([2, "month", "两高解释 Art 21"]);
    expect(p("agency_reply_urgent")).toEqual([15, "day", "两高解释 Art 21"]);
    expect(p("hearing_notice")).toEqual([3, "day", "听证规定 Art 10"]);
    expect(DEADLINE_RULES.hearing_notice.direction).toBe("before");
    expect(p("pre_suit_review")).toEqual([1, "month", "规则 Art 47"]);
    expect(p("recusal_decision")).toEqual([3, "day", "规则 Art 23"]);
    expect(p("appeal_judgment")).toEqual([15, "day", "行诉法 Art 85"]);
    expect(p("appeal_ruling")).toEqual([10, "day", "行诉法 Art 85"]);
    expect(replyRuleFor("fifteen_days").id).toBe("agency_reply_urgent");
    expect(replyRuleFor("two_months").id).toBe("agency_reply");
  });
});

describe("computeDeadline", () => {
  test("7 days: the start day is not counted", () => {
    // Filed Thursday 2022-06-09 → day 1 is 06-10, day 7 is Thursday 06-16.
    const r = computeDeadline("filing_decision_service", "2022-06-09", cal);
    expect(r.dueOn).toBe("2022-06-16");
    expect(r.basis).toBe("规则 Art 70");
    expect(r.basisKey).toBe("deadlines.basis.filing_decision_service");
    expect(keys(r)).toEqual(["startExcluded", "addDays", "due"]);
    expect(r.steps[0]!.vars).toEqual({ date: "2022-06-09", first: "2022-06-10" });
    expect(r.calendarWarning).toBeUndefined();
  });

  test("15 days (urgent reply) from service", () => {
    const r = computeDeadline("agency_reply_urgent", "2022-06-16", cal);
    expect(r.dueOn).toBe("2022-07-01"); // a Friday
    expect(keys(r)).toEqual(["startExcluded", "addDays", "due"]);
  });

  test("2 months end on the same date of the end month", () => {
    const r = computeDeadline("agency_reply", "2022-06-16", cal);
    expect(r.dueOn).toBe("2022-08-16");
    expect(keys(r)).toEqual(["startExcluded", "addMonths", "due"]);
  });

  test("a month period from the 31st ends on the last day of February", () => {
    const r = computeDeadline("pre_suit_review", "2022-01-31", cal);
    expect(r.dueOn).toBe("2022-02-28"); // a Monday
    expect(keys(r)).toEqual(["startExcluded", "addMonthsClamped", "due"]);
    expect(r.steps[1]!.vars).toMatchObject({ n: 1, day: 31, date: "2022-02-28" });
    expect(computeDeadline("pre_suit_review", "2024-01-31", cal).dueOn).toBe("2024-02-29"); // leap year, Thursday
  });

  test("a last day in the National Day holiday moves to the next working day (a 调休 Saturday)", () => {
    // 2022-09-24 + 7 days = 2022-10-01; 10-01..07 are holidays; Saturday 10-08 is worked in lieu.
    const r = computeDeadline("filing_decision_service", "2022-09-24", cal);
    expect(r.periodEndOn).toBe("2022-10-01");
    expect(r.dueOn).toBe("2022-10-08");
    expect(keys(r)).toEqual(["startExcluded", "addDays", "movedForward", "makeupWorkday", "due"]);
    expect(r.steps[2]!.vars).toMatchObject({
      date: "2022-10-01",
      to: "2022-10-08",
      holidayZh: "国庆节",
      holidayEn: "National Day",
    });
    // Every day of the break lands on the same working day.
    for (let d = 1; d <= 7; d++) {
      const trigger = `2022-09-${String(23 + d).padStart(2, "0")}`;
      expect(computeDeadline("filing_decision_service", trigger, cal).dueOn).toBe("2022-10-08");
    }
  });

  test("a last day on a plain weekend moves to Monday", () => {
    // 2022-06-15 + 3 days = Saturday 06-18 → Monday 06-20.
    const r = computeDeadline("recommendation_service", "2022-06-15", cal);
    expect(r.dueOn).toBe("2022-06-20");
    expect(r.steps.find((s) => s.key === "deadlines.step.movedForward")!.vars).toMatchObject({
      holidayZh: "周六",
      to: "2022-06-20",
    });
  });

  test("hearing notice: at least 3 days before the hearing, moved back off a rest day", () => {
    // Hearing Thursday 2022-06-16: notify by Monday 06-13.
    const r = computeDeadline("hearing_notice", "2022-06-16", cal);
    expect(r.dueOn).toBe("2022-06-13");
    expect(keys(r)).toEqual(["eventExcluded", "subtractDays", "due"]);
    // Hearing Tuesday 2022-06-21: 3 days before is Saturday 06-18 → Friday 06-17, never later.
    const s = computeDeadline("hearing_notice", "2022-06-21", cal);
    expect(s.periodEndOn).toBe("2022-06-18");
    expect(s.dueOn).toBe("2022-06-17");
    expect(keys(s)).toEqual(["eventExcluded", "subtractDays", "movedBack", "due"]);
    // Hearing Monday 2022-10-10: 10-07 is in the holiday → back to Friday 09-30.
    expect(computeDeadline("hearing_notice", "2022-10-10", cal).dueOn).toBe("2022-09-30");
  });

  test("a period touching 2027 carries a calendar warning", () => {
    const r = computeDeadline("agency_reply", "2026-12-15", cal);
    expect(r.dueOn).toBe("2027-02-15");
    expect(r.calendarWarning).toEqual({
      key: "deadlines.calendar.missingYears",
      vars: { years: "2027" },
      years: [2027],
    });
    expect(keys(r)).toContain("calendarMissing");
    // With the administrator's 2027 rows the warning goes and the holiday counts.
    const c = createCalendar([
      { date: "2027-02-15", kind: "holiday", name: "春节" },
      { date: "2027-02-16", kind: "holiday", name: "春节" },
    ]);
    const r2 = computeDeadline("agency_reply", "2026-12-15", c);
    expect(r2.calendarWarning).toBeUndefined();
    expect(r2.dueOn).toBe("2027-02-17");
  });

  test("extensions run on from the end of the period before them (规则 Art 47)", () => {
    const r = computeDeadline("pre_suit_review", "2022-05-10", cal, [{ extraMonths: 1, reason: "检察长批准延长" }]);
    expect(r.periodEndOn).toBe("2022-07-10"); // a Sunday
    expect(r.dueOn).toBe("2022-07-11");
    expect(keys(r)).toEqual(["startExcluded", "addMonths", "extendMonths", "movedForward", "due"]);
    expect(r.steps[2]!.vars).toMatchObject({ n: 1, from: "2022-06-10", date: "2022-07-10", reason: "检察长批准延长" });
    const d = computeDeadline("pre_suit_review", "2022-05-10", cal, [{ extraDays: 10 }]);
    expect(d.dueOn).toBe("2022-06-20");
  });

  test("rejects a malformed trigger date", () => {
    expect(() => computeDeadline("filing_decision_service", "2022-02-30", cal)).toThrow(RangeError);
    expect(() => computeDeadline("filing_decision_service", "2022/06/01", cal)).toThrow(RangeError);
  });
});

describe("status", () => {
  test("days remaining and the badge status", () => {
    expect(daysRemaining("2022-06-16", "2022-06-16")).toBe(0);
    expect(daysRemaining("2022-06-16", "2022-06-10")).toBe(6);
    expect(daysRemaining("2022-06-16", "2022-06-18")).toBe(-2);
    expect(deadlineStatus("2022-06-16", "2022-06-12")).toBe("ok");
    expect(deadlineStatus("2022-06-16", "2022-06-13")).toBe("due_soon");
    expect(deadlineStatus("2022-06-16", "2022-06-16")).toBe("due_soon");
    expect(deadlineStatus("2022-06-16", "2022-06-17")).toBe("overdue");
  });
});

describe("explanation", () => {
  test("every step key has text in both languages, with the holiday name in the reader's language", () => {
    const r = computeDeadline("filing_decision_service", "2022-09-24", cal);
    const zh = createT("zh-CN");
    const en = createT("en");
    const zhLines = explainSteps(
      r.steps,
      (k, v) => zh.dynamic(k, v),
      "zh-CN",
      (d) => d
    );
    const enLines = explainSteps(
      r.steps,
      (k, v) => en.dynamic(k, v),
      "en",
      (d) => d
    );
    expect(zhLines.join("\n")).toContain("国庆节");
    expect(enLines.join("\n")).toContain("National Day");
    for (const line of [...zhLines, ...enLines]) {
      expect(line).not.toMatch(/deadlines\.step|\{\w+\}/);
    }
    expect(localizeStepVars({ date: "2022-10-01", n: 3 }, "en", (d) => `<${d}>`)).toMatchObject({
      date: "<2022-10-01>",
      n: 3,
    });
  });
});
