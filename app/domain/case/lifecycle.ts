import type { ApprovalKindValue } from "~/domain/approval/schemas";
import type { CaseState } from "~/domain/case/states";
import { CASE_STATES } from "~/domain/case/states";
import { AppError } from "~/utils/errors";

/**
 * Which approval a transition needs before it may happen (规则 Arts 5, 7: the chief decides): the
 * kinds of the one list in app/domain/approval/schemas.ts that move a case.
 */
export type ApprovalKind = Extract<
  ApprovalKindValue,
  "filing" | "not_filing" | "recommendation" | "closure" | "suit" | "suspension" | "resumption"
>;

type Edge = { approval?: ApprovalKind; basis: string };

/**
 * The one transition table for case states. Nothing else decides whether a case may move;
 * `assertTransition` is called by the only model function that writes Case.state.
 */
export const TRANSITIONS: { [F in CaseState]: Partial<Record<CaseState, Edge>> } = {
  evaluation: {
    filed: { approval: "filing", basis: "规则 Arts 30, 67" },
    not_filed: { approval: "not_filing", basis: "规则 Art 30" },
  },
  not_filed: {},
  filed: {
    investigating: { basis: "规则 Art 33" },
  },
  investigating: {
    recommending: { basis: "规则 Arts 73, 75" },
    closed: { approval: "closure", basis: "规则 Art 74" },
  },
  recommending: {
    investigating: { basis: "规则 Art 73 (returned for more investigation)" },
    rectification: { approval: "recommendation", basis: "规则 Arts 75, 76" },
  },
  rectification: {
    follow_up: { basis: "规则 Art 77" },
    suspended: { approval: "suspension", basis: "规则 Art 78" },
  },
  follow_up: {
    closed: { approval: "closure", basis: "规则 Arts 79, 80" },
    pre_suit_review: { basis: "规则 Arts 79, 81" },
    suspended: { approval: "suspension", basis: "规则 Art 78" },
  },
  // Resumption returns the case to the state it was suspended from.
  suspended: {
    rectification: { approval: "resumption", basis: "规则 Art 78" },
    follow_up: { approval: "resumption", basis: "规则 Art 78" },
  },
  pre_suit_review: {
    litigation: { approval: "suit", basis: "规则 Arts 47, 81" },
    closed: { approval: "closure", basis: "规则 Art 80" },
  },
  litigation: {
    closed: { basis: "两高解释 Art 25; 规则 Art 84" },
  },
  closed: {},
};

/** The transition table refuses the move: 409, shown with the generic conflict message. */
export class TransitionError extends AppError {
  constructor(
    public readonly from: CaseState,
    public readonly to: CaseState,
  ) {
    super("error.409", 409);
    this.message = `case cannot move from ${from} to ${to}`;
    this.name = "TransitionError";
  }
}

export function transitionOf(from: CaseState, to: CaseState): Edge | null {
  return TRANSITIONS[from][to] ?? null;
}

/** Throws TransitionError (409) unless the table allows from → to; returns the edge. */
export function assertTransition(from: CaseState, to: CaseState): Edge {
  const edge = transitionOf(from, to);
  if (!edge) throw new TransitionError(from, to);
  return edge;
}

export function nextStates(from: CaseState): CaseState[] {
  return CASE_STATES.filter((to) => TRANSITIONS[from][to]);
}
