import { describe, expect, test } from "vitest";
import type { HearingStatus } from "~/domain/hearing/states";
import {
  canMoveHearing,
  EDITABLE_HEARING_STATUSES,
  HEARING_STAGES,
  HEARING_STATUSES,
  HEARING_TRANSITIONS,
  isHearingEditable,
  statusOfStage,
} from "~/domain/hearing/states";

// The one transition table of a hearing's status (issue 9), over every pair of statuses, written
// out by hand so a change to HEARING_TRANSITIONS has to be made twice, on purpose.
const ALLOWED: Record<HearingStatus, HearingStatus[]> = {
  planned: ["notified", "cancelled"],
  notified: ["in_progress", "cancelled"],
  in_progress: ["deliberating", "cancelled"],
  deliberating: ["concluded", "cancelled"],
  concluded: [],
  cancelled: [],
};

describe("canMoveHearing over every pair of statuses", () => {
  for (const from of HEARING_STATUSES) {
    for (const to of HEARING_STATUSES) {
      const expected = ALLOWED[from].includes(to);
      test(`${from} → ${to}: ${expected ? "allowed" : "refused"}`, () => {
        expect(canMoveHearing(from, to)).toBe(expected);
      });
    }
  }

  test("the table names every status and nothing else", () => {
    expect(Object.keys(HEARING_TRANSITIONS).sort()).toEqual([...HEARING_STATUSES].sort());
    expect(HEARING_TRANSITIONS).toEqual(ALLOWED);
  });

  test("no status moves to itself; concluded and cancelled are final", () => {
    for (const s of HEARING_STATUSES) expect(canMoveHearing(s, s)).toBe(false);
    for (const to of HEARING_STATUSES) {
      expect(canMoveHearing("concluded", to)).toBe(false);
      expect(canMoveHearing("cancelled", to)).toBe(false);
    }
  });

  test("an unknown stored status moves nowhere", () => {
    for (const to of HEARING_STATUSES) {
      expect(canMoveHearing("archived", to)).toBe(false);
      expect(canMoveHearing("", to)).toBe(false);
    }
  });
});

describe("isHearingEditable", () => {
  test.each(HEARING_STATUSES.map((s) => [s, s === "planned" || s === "notified"] as const))("%s → %s", (status, editable) => {
    expect(isHearingEditable(status)).toBe(editable);
  });
  test("the editable list is exactly planned and notified; unknown values are not editable", () => {
    expect([...EDITABLE_HEARING_STATUSES]).toEqual(["planned", "notified"]);
    expect(isHearingEditable("unknown")).toBe(false);
  });
});

describe("statusOfStage (听证规定 Art 15)", () => {
  test("stages 0–3 are in session, the recess and after are deliberating", () => {
    expect(HEARING_STAGES.map((s) => [s, statusOfStage(s)])).toEqual([
      ["attendance", "in_progress"],
      ["presentation", "in_progress"],
      ["statements", "in_progress"],
      ["questions", "in_progress"],
      ["deliberation", "deliberating"],
      ["opinions", "deliberating"],
      ["final_statements", "deliberating"],
      ["summary", "deliberating"],
    ]);
  });
  test("every stage's status is reachable in the table from notified", () => {
    for (const s of HEARING_STAGES) {
      const status = statusOfStage(s);
      expect(status === "in_progress" ? canMoveHearing("notified", status) : canMoveHearing("in_progress", status)).toBe(true);
    }
  });
});
