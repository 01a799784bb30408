import { describe, expect, test } from "vitest";
import { assertTransition, nextStates, TransitionError, TRANSITIONS, transitionOf } from "~/domain/case/lifecycle";
import type { CaseState } from "~/domain/case/states";
import { ACTIVE_STATES, CASE_STATES } from "~/domain/case/states";

// The allowed moves, written out by hand (DOMAIN.md §1) with the approval each one needs, so a
// change to TRANSITIONS has to be made here too, on purpose.
const EXPECTED_EDGES: ReadonlyArray<readonly [CaseState, CaseState, string | undefined]> = [
  ["evaluation", "filed", "filing"],
  ["evaluation", "not_filed", "not_filing"],
  ["filed", "investigating", undefined],
  ["investigating", "recommending", undefined],
  ["investigating", "closed", "closure"],
  ["recommending", "investigating", undefined],
  ["recommending", "rectification", "recommendation"],
  ["rectification", "follow_up", undefined],
  ["rectification", "suspended", "suspension"],
  ["follow_up", "closed", "closure"],
  ["follow_up", "pre_suit_review", undefined],
  ["follow_up", "suspended", "suspension"],
  ["suspended", "rectification", "resumption"],
  ["suspended", "follow_up", "resumption"],
  ["pre_suit_review", "litigation", "suit"],
  ["pre_suit_review", "closed", "closure"],
  ["litigation", "closed", undefined],
];
const allowed = new Map(EXPECTED_EDGES.map(([from, to, approval]) => [`${from}→${to}`, approval]));

const pairs = CASE_STATES.flatMap((from) => CASE_STATES.map((to) => ({ from, to, ok: allowed.has(`${from}→${to}`) })));

describe("case lifecycle", () => {
  test("the table has a row for every state and names only known states", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_STATES].sort());
    for (const targets of Object.values(TRANSITIONS)) {
      for (const to of Object.keys(targets)) expect(CASE_STATES).toContain(to);
    }
  });

  test(`all ${CASE_STATES.length * CASE_STATES.length} pairs are checked`, () => {
    expect(pairs).toHaveLength(121);
  });

  test.each(pairs.filter((p) => p.ok))("$from → $to is allowed", ({ from, to }) => {
    const edge = assertTransition(from, to);
    expect(edge.approval).toBe(allowed.get(`${from}→${to}`));
    // Statutory rules cite their source.
    expect(edge.basis).toMatch(/\S/);
    expect(transitionOf(from, to)).toBe(edge);
  });

  test.each(pairs.filter((p) => !p.ok))("$from → $to is refused with 409", ({ from, to }) => {
    expect(transitionOf(from, to)).toBeNull();
    let thrown: unknown;
    try {
      assertTransition(from, to);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TransitionError);
    const error = thrown as TransitionError;
    expect(error.status).toBe(409);
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
  });

  test("closed and not_filed are terminal; every other state can move", () => {
    expect(nextStates("closed")).toEqual([]);
    expect(nextStates("not_filed")).toEqual([]);
    for (const s of ACTIVE_STATES) expect(nextStates(s).length, s).toBeGreaterThan(0);
    expect([...ACTIVE_STATES].sort()).toEqual(CASE_STATES.filter((s) => s !== "closed" && s !== "not_filed").sort());
  });

  test("nextStates lists the allowed targets in CASE_STATES order", () => {
    for (const from of CASE_STATES) {
      expect(nextStates(from)).toEqual(CASE_STATES.filter((to) => allowed.has(`${from}→${to}`)));
    }
  });

  test("every state is reachable from evaluation", () => {
    const seen = new Set<CaseState>(["evaluation"]);
    const queue: CaseState[] = ["evaluation"];
    while (queue.length) for (const next of nextStates(queue.shift()!)) if (!seen.has(next) && seen.add(next)) queue.push(next);
    expect([...seen].sort()).toEqual([...CASE_STATES].sort());
  });

  test("every active state can still end (closed or not_filed)", () => {
    for (const start of ACTIVE_STATES) {
      const seen = new Set<CaseState>([start]);
      const queue: CaseState[] = [start];
      while (queue.length) for (const next of nextStates(queue.shift()!)) if (!seen.has(next) && seen.add(next)) queue.push(next);
      expect(seen.has("closed") || seen.has("not_filed"), start).toBe(true);
    }
  });

  test("no state moves to itself", () => {
    for (const s of CASE_STATES) expect(transitionOf(s, s)).toBeNull();
  });
});
