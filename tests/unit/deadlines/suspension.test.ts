import { describe, expect, test } from "vitest";
import { computeDeadline, createCalendar, explainSteps } from "~/domain/deadlines";
import { createT } from "~/i18n";

const cal = createCalendar();
const keys = (r: { steps: { key: string }[] }) => r.steps.map((s) => s.key.replace("deadlines.step.", ""));

// 规则 Art 78: the days a case is suspended do not count towards its periods.
describe("suspension stops the clock", () => {
  test("a closed suspension inside the period shifts the due date by the suspended days", () => {
    const plain = computeDeadline("agency_reply", "2026-03-02", cal);
    // Suspended 2026-03-10, resumed 2026-03-20: 10 days.
    const r = computeDeadline("agency_reply", "2026-03-02", cal, [], [{ from: "2026-03-10", to: "2026-03-20" }]);
    expect(plain.periodEndOn).toBe("2026-05-02");
    expect(r.periodEndOn).toBe("2026-05-12");
    expect(keys(r)).toContain("suspended");
    const step = r.steps.find((s) => s.key === "deadlines.step.suspended");
    expect(step?.vars).toMatchObject({ start: "2026-03-10", end: "2026-03-20", n: 10, from: "2026-05-02", date: "2026-05-12" });
    expect(r.paused).toBeUndefined();
  });

  test("the steps say so in both languages", () => {
    const r = computeDeadline("agency_reply_urgent", "2026-06-01", cal, [], [{ from: "2026-06-05", to: "2026-06-08" }]);
    const [zhT, enT] = [createT("zh-CN"), createT("en")];
    const zh = explainSteps(r.steps, (k, v) => zhT.dynamic(k, v), "zh-CN", (d) => d).join("\n");
    const en = explainSteps(r.steps, (k, v) => enT.dynamic(k, v), "en", (d) => d).join("\n");
    expect(`${zh}\n${en}`).not.toMatch(/deadlines\.step|\{\w+\}/);
    expect(zh).toContain("中止的3日不计入期间");
    expect(en).toContain("3 suspended days do not count");
  });

  test("suspensions before the trigger or after the period's end change nothing", () => {
    const plain = computeDeadline("pre_suit_review", "2026-03-02", cal);
    const r = computeDeadline("pre_suit_review", "2026-03-02", cal, [], [
      { from: "2026-02-01", to: "2026-02-20" },
      { from: "2026-05-01", to: "2026-05-20" },
    ]);
    expect(r.dueOn).toBe(plain.dueOn);
    expect(keys(r)).not.toContain("suspended");
  });

  test("two suspensions add up, and extensions count before them", () => {
    const r = computeDeadline(
      "pre_suit_review",
      "2026-03-02",
      cal,
      [{ extraMonths: 1, reason: "补充鉴定" }],
      [
        { from: "2026-03-05", to: "2026-03-07" },
        { from: "2026-04-10", to: "2026-04-15" },
      ],
    );
    // 2026-04-02 + 1 month = 2026-05-02, + 2 + 5 days = 2026-05-09 (Saturday, a 调休 workday?) checked below.
    expect(r.periodEndOn).toBe("2026-05-09");
    expect(r.steps.filter((s) => s.key === "deadlines.step.suspended")).toHaveLength(2);
  });

  test("an open suspension pauses the period with the days left", () => {
    const r = computeDeadline("agency_reply_urgent", "2026-06-01", cal, [], [{ from: "2026-06-05", to: null }]);
    expect(r.paused).toEqual({ since: "2026-06-05", daysLeft: 11 });
    expect(keys(r)).toContain("paused");
  });
});
