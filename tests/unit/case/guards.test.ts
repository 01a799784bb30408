import { describe, expect, test } from "vitest";
import { CLOSURE_GROUNDS, closureGroundArticle, closureGroundSchema } from "~/domain/case/closure-grounds";
import type { GuardFacts } from "~/domain/case/guards";
import { checkGuard, evidenceGuard, followUpGuard, guardOf, investigationTeamGuard, preSuitGuard, recommendationGuard } from "~/domain/case/guards";
import { nextStates } from "~/domain/case/lifecycle";
import { approvalSubject, legalNextSteps, needsClosureGround, nextStepSchema } from "~/domain/case/next-steps";
import { CASE_STATES } from "~/domain/case/states";
import { consultationSchema, mayConsult } from "~/domain/consultation/schemas";
import { isDraftEditable, movePoint, recommendationActionSchema } from "~/domain/recommendation/schemas";

const full: GuardFacts = { teamSize: 3, evidenceCount: 2, recommendationPoints: 3, recommendationServices: 1, followUpCount: 1 };

describe("guards, each with its article", () => {
  test("规则 Art 36: investigation needs a team of two", () => {
    expect(investigationTeamGuard(full)).toEqual({ ok: true });
    expect(investigationTeamGuard({ ...full, teamSize: 1 })).toEqual({ ok: false, reason: "casepage.guard.teamOfTwo", basis: "规则 Art 36" });
  });
  test("规则 Arts 71, 75: recommending needs evidence", () => {
    expect(evidenceGuard({ ...full, evidenceCount: 0 })).toMatchObject({ ok: false, reason: "casepage.guard.evidence" });
    expect(checkGuard("investigating", "recommending", { ...full, evidenceCount: 0 }).ok).toBe(false);
  });
  test("规则 Art 75: a recommendation needs at least one evidence item and at least one point", () => {
    expect(recommendationGuard(full)).toEqual({ ok: true });
    expect(recommendationGuard({ ...full, evidenceCount: 0 })).toMatchObject({ ok: false, reason: "casepage.guard.evidence" });
    expect(recommendationGuard({ ...full, recommendationPoints: 0 })).toMatchObject({ ok: false, reason: "casepage.guard.points", basis: "规则 Art 75" });
  });
  test("规则 Arts 76, 77 and 79, 81: follow-up after service; pre-suit review after an assessment", () => {
    expect(followUpGuard({ ...full, recommendationServices: 0 }).ok).toBe(false);
    expect(preSuitGuard({ ...full, followUpCount: 0 }).ok).toBe(false);
    expect(checkGuard("rectification", "follow_up", full).ok).toBe(true);
  });
  test("every guard sits on an edge of the transition table", () => {
    for (const from of CASE_STATES)
      for (const to of CASE_STATES) if (guardOf(from, to)) expect(nextStates(from)).toContain(to);
    expect(checkGuard("litigation", "closed", { ...full, evidenceCount: 0 })).toEqual({ ok: true });
  });
});

describe("closure grounds (规则 Art 74)", () => {
  test("kept as data with their article", () => {
    expect(CLOSURE_GROUNDS.map((g) => g.id)).toEqual(["no_violation", "interest_protected", "fully_rectified", "other"]);
    for (const g of CLOSURE_GROUNDS) expect(g.article).toMatch(/^规则 Art 74\(\d\)$/);
    expect(closureGroundArticle("fully_rectified")).toBe("规则 Art 74(3)");
    expect(closureGroundArticle("invented")).toBeNull();
    expect(closureGroundSchema.safeParse("invented").success).toBe(false);
  });
});

describe("next steps", () => {
  test("exactly the table's edges, with their approvals", () => {
    expect(legalNextSteps("filed")).toEqual([{ to: "investigating", approval: null, basis: "规则 Art 33" }]);
    expect(legalNextSteps("investigating").map((s) => [s.to, s.approval])).toEqual([
      ["recommending", null],
      ["closed", "closure"],
    ]);
    expect(legalNextSteps("closed")).toEqual([]);
    for (const s of CASE_STATES) expect(legalNextSteps(s).map((n) => n.to)).toEqual(nextStates(s));
  });
  test("a suspended case resumes only to the state it was suspended from (规则 Art 78)", () => {
    expect(legalNextSteps("suspended", "rectification").map((s) => s.to)).toEqual(["rectification"]);
    expect(legalNextSteps("suspended", "follow_up").map((s) => s.to)).toEqual(["follow_up"]);
  });
  test("a closure by approval needs its ground; the form needs a reason", () => {
    expect(needsClosureGround({ approval: "closure" })).toBe(true);
    expect(needsClosureGround({ approval: null })).toBe(false);
    expect(nextStepSchema.safeParse({ intent: "step", to: "investigating", reason: " ", version: "0" }).success).toBe(false);
    expect(nextStepSchema.safeParse({ intent: "step", to: "investigating", reason: "调查", version: "0" }).success).toBe(true);
    expect(approvalSubject("closure", { number: "2026-行公-007", title: "某案" })).toBe("提请终结案件：2026-行公-007 某案");
  });
});

describe("consultation and recommendation forms", () => {
  test("规则 Art 70: after filing, before the recommendation; a meeting has minutes", () => {
    expect(mayConsult("filed")).toBe(true);
    expect(mayConsult("evaluation")).toBe(false);
    expect(mayConsult("rectification")).toBe(false);
    const base = { method: "meeting", heldOn: "2026-11-28", attendees: "甲", facts: "事实", agencyPosition: "意见", version: "1" };
    expect(consultationSchema.safeParse(base).success).toBe(false);
    expect(consultationSchema.safeParse({ ...base, minutes: "纪要" }).success).toBe(true);
    expect(consultationSchema.safeParse({ ...base, method: "fact_confirmation" }).success).toBe(true);
  });
  test("两高解释 Art 21: two months or fifteen days; points move up and down", () => {
    const draft = { intent: "create", facts: "a", reasons: "b", legalBasis: "c", version: "0" };
    expect(recommendationActionSchema.safeParse({ ...draft, replyPeriod: "fifteen_days" }).success).toBe(true);
    expect(recommendationActionSchema.safeParse({ ...draft, replyPeriod: "one_week" }).success).toBe(false);
    expect(movePoint(["a", "b", "c"], "c", "up")).toEqual(["a", "c", "b"]);
    expect(movePoint(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(movePoint(["a", "b", "c"], "a", "down")).toEqual(["b", "a", "c"]);
    expect(movePoint(["a"], "x", "down")).toBeNull();
    expect(isDraftEditable("draft", null)).toBe(true);
    expect(isDraftEditable("pending_approval", "pending")).toBe(false);
    expect(isDraftEditable("pending_approval", "rejected")).toBe(true);
    expect(isDraftEditable("served", null)).toBe(false);
  });
});
