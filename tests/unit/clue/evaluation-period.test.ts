import { describe, expect, test } from "vitest";
import { clueEvaluationCountdown } from "~/domain/clue/evaluation-period";
import { proposeCaseSchema } from "~/domain/clue/schemas";
import { createCalendar } from "~/domain/deadlines/calendar";

const calendar = createCalendar();

describe("the clue evaluation countdown (the procuratorate's own setting; 规则 Arts 27–30 set none)", () => {
  test("no setting, no countdown", () => {
    expect(clueEvaluationCountdown({ status: "evaluating", receivedOn: "2026-11-10", days: null, today: "2026-11-26", calendar })).toBeNull();
  });

  test("counts from the day after receipt", () => {
    // 2026-11-10 + 30 days = 2026-12-10, a Thursday.
    const c = clueEvaluationCountdown({ status: "evaluating", receivedOn: "2026-11-10", days: 30, today: "2026-11-26", calendar });
    expect(c).toMatchObject({ dueOn: "2026-12-10", periodEndOn: "2026-12-10", daysLeft: 14, status: "ok" });
  });

  test("a last day on a rest day moves to the next working day", () => {
    // 2026-11-24 + 5 days = 2026-11-29, a Sunday → Monday 2026-11-30.
    const c = clueEvaluationCountdown({ status: "registered", receivedOn: "2026-11-24", days: 5, today: "2026-11-26", calendar });
    expect(c).toMatchObject({ periodEndOn: "2026-11-29", dueOn: "2026-11-30", daysLeft: 4, status: "ok" });
  });

  test("overdue once the day has passed; no countdown once the clue is settled", () => {
    const c = clueEvaluationCountdown({ status: "evaluating", receivedOn: "2026-10-01", days: 15, today: "2026-11-26", calendar });
    expect(c?.status).toBe("overdue");
    expect(c?.daysLeft).toBeLessThan(0);
    for (const status of ["filed", "not_filed", "transferred"] as const) {
      expect(clueEvaluationCountdown({ status, receivedOn: "2026-10-01", days: 15, today: "2026-11-26", calendar })).toBeNull();
    }
  });
});

describe("the proposal form", () => {
  const base = { intent: "propose", kind: "filing", title: "某局怠于履职案", field: "ecology" };
  const errorsOf = (extra: Record<string, unknown>) => {
    const r = proposeCaseSchema.safeParse({ ...base, ...extra });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  test("an agency, or the agency unknown (规则 Art 29), never both nor neither", () => {
    expect(errorsOf({ respondentAgencyId: "a1" })).toEqual({});
    expect(errorsOf({ respondentUnknown: true })).toEqual({});
    expect(errorsOf({})).toEqual({ respondentAgencyId: "clues.validation.agencyRequired" });
    expect(errorsOf({ respondentAgencyId: "a1", respondentUnknown: true })).toEqual({ respondentAgencyId: "clues.validation.agencyOrUnknown" });
  });
  test("not filing needs its reason (规则 Art 30)", () => {
    expect(errorsOf({ kind: "not_filing", respondentAgencyId: "a1" })).toEqual({ reason: "clues.validation.reasonRequired" });
    expect(errorsOf({ kind: "not_filing", respondentAgencyId: "a1", reason: "已整改" })).toEqual({});
  });
});
