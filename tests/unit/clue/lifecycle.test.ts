import { describe, expect, test } from "vitest";
import type { ClueStatus } from "~/domain/case/schemas";
import { CLUE_STATUSES } from "~/domain/case/schemas";
import type { CaseState } from "~/domain/case/states";
import {
  assertClueTransition,
  caseProposalRefusal,
  CLUE_TRANSITIONS,
  clueStatusAfterCaseDecision,
  ClueTransitionError,
  clueTransitionOf,
  nextClueStatuses,
} from "~/domain/clue/lifecycle";
import { isAppError } from "~/utils/errors";

// The clue's own moves (规则 Arts 24–30), written out by hand with who takes them, so that a change
// to CLUE_TRANSITIONS has to be made here too, on purpose.
const EXPECTED: ReadonlyArray<readonly [ClueStatus, ClueStatus, "prosecutor" | "case_decision"]> = [
  ["registered", "evaluating", "prosecutor"],
  ["evaluating", "filed", "case_decision"],
  ["evaluating", "not_filed", "case_decision"],
  ["evaluating", "transferred", "prosecutor"],
];
const allowed = new Map(EXPECTED.map(([from, to, by]) => [`${from}→${to}`, by]));
const pairs = CLUE_STATUSES.flatMap((from) => CLUE_STATUSES.map((to) => ({ from, to, by: allowed.get(`${from}→${to}`) })));

describe("clue transition table", () => {
  test.each(pairs)("$from → $to: $by", ({ from, to, by }) => {
    expect(clueTransitionOf(from, to)?.by).toBe(by);
    for (const way of ["prosecutor", "case_decision"] as const) {
      if (way === by) expect(assertClueTransition(from, to, way).basis).toMatch(/规则 Arts? \d/);
      else expect(() => assertClueTransition(from, to, way)).toThrow(ClueTransitionError);
    }
  });

  test("every edge names its article", () => {
    for (const edges of Object.values(CLUE_TRANSITIONS)) {
      for (const edge of Object.values(edges)) expect(edge?.basis).toMatch(/^规则 Arts? \d/);
    }
  });

  test("an illegal move is a 409 with a message key of the clues namespace", () => {
    try {
      assertClueTransition("transferred", "evaluating", "prosecutor");
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error)).toBe(true);
      expect(error).toMatchObject({ status: 409, messageKey: "clues.error.transition" });
    }
  });

  test("the prosecutor's next steps: start, then transfer; filed and not filed follow the chief's decision", () => {
    expect(nextClueStatuses("registered")).toEqual(["evaluating"]);
    expect(nextClueStatuses("evaluating")).toEqual(["transferred"]);
    for (const settled of ["filed", "not_filed", "transferred"] as const) expect(nextClueStatuses(settled)).toEqual([]);
  });
});

describe("proposing a case from a clue", () => {
  test("only after the evaluation started and its text is written", () => {
    expect(caseProposalRefusal({ status: "registered", evaluation: null }, "filing")).toBe("clues.error.transition");
    expect(caseProposalRefusal({ status: "evaluating", evaluation: null }, "filing")).toBe("clues.error.evaluationRequired");
    expect(caseProposalRefusal({ status: "evaluating", evaluation: "  " }, "not_filing")).toBe("clues.error.evaluationRequired");
    expect(caseProposalRefusal({ status: "evaluating", evaluation: "属实" }, "filing")).toBeNull();
    expect(caseProposalRefusal({ status: "evaluating", evaluation: "属实" }, "not_filing")).toBeNull();
  });

  test("a filed clue may still lead to a case against another agency (规则 Art 69), not to a not-filing", () => {
    expect(caseProposalRefusal({ status: "filed", evaluation: "属实" }, "filing")).toBeNull();
    expect(caseProposalRefusal({ status: "filed", evaluation: "属实" }, "not_filing")).toBe("clues.error.transition");
  });

  test("nothing is proposed from a transferred or not-filed clue", () => {
    for (const status of ["transferred", "not_filed"] as const) {
      expect(caseProposalRefusal({ status, evaluation: "属实" }, "filing")).toBe("clues.error.transition");
    }
  });
});

describe("the clue follows the chief's decision on its cases", () => {
  const after = (status: ClueStatus, states: CaseState[]) => clueStatusAfterCaseDecision(status, states);
  test("filed as soon as one case is filed (or has moved on)", () => {
    expect(after("evaluating", ["filed"])).toBe("filed");
    expect(after("evaluating", ["evaluation", "filed"])).toBe("filed");
    expect(after("evaluating", ["not_filed", "investigating"])).toBe("filed");
  });
  test("not filed only when every case was refused filing", () => {
    expect(after("evaluating", ["not_filed"])).toBe("not_filed");
    expect(after("evaluating", ["not_filed", "not_filed"])).toBe("not_filed");
    expect(after("evaluating", ["not_filed", "evaluation"])).toBeNull();
  });
  test("a clue not under evaluation, or without cases, does not move", () => {
    expect(after("filed", ["filed"])).toBeNull();
    expect(after("transferred", ["not_filed"])).toBeNull();
    expect(after("evaluating", [])).toBeNull();
  });
});
