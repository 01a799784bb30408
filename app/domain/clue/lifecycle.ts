import type { ClueStatus } from "~/domain/case/schemas";
import { CLUE_STATUSES } from "~/domain/case/schemas";
import type { CaseState } from "~/domain/case/states";
import { AppError } from "~/utils/errors";

/**
 * How a clue's status may change. `by: "prosecutor"` edges are taken on the clue page;
 * `by: "case_decision"` edges follow the chief's decision on a case proposed from the clue
 * (the filing or not-filing approval moves the case, and the clue follows it), so nobody takes
 * them by hand.
 */
type ClueEdge = { basis: string; by: "prosecutor" | "case_decision" };

/** The clue's own transition table (线索, 规则 Arts 24–30), separate from the case's. */
export const CLUE_TRANSITIONS: { [F in ClueStatus]: Partial<Record<ClueStatus, ClueEdge>> } = {
  registered: {
    // The prosecutor evaluates whether the clue is true and can be investigated (规则 Art 27)
    evaluating: { basis: "规则 Art 27", by: "prosecutor" },
  },
  evaluating: {
    // Filed when the chief decides to file a case proposed from it (规则 Arts 29, 30, 67)
    filed: { basis: "规则 Arts 30, 67", by: "case_decision" },
    // Not filed when the chief decides not to file its case(s) (规则 Art 30)
    not_filed: { basis: "规则 Art 30", by: "case_decision" },
    // A clue outside this procuratorate's remit is transferred to the competent organ (规则 Art 26)
    transferred: { basis: "规则 Art 26", by: "prosecutor" },
  },
  filed: {},
  not_filed: {},
  transferred: {},
};

/** A clue move the table refuses (or a stale one): 409 with a message in the user's language. */
export class ClueTransitionError extends AppError {
  constructor(
    public readonly from: ClueStatus,
    public readonly to: ClueStatus,
  ) {
    super("clues.error.transition", 409);
    this.message = `clue cannot move from ${from} to ${to}`;
    this.name = "ClueTransitionError";
  }
}

export function clueTransitionOf(from: ClueStatus, to: ClueStatus): ClueEdge | null {
  return CLUE_TRANSITIONS[from][to] ?? null;
}

/** Throws ClueTransitionError (409) unless the table has from → to taken the given way. */
export function assertClueTransition(from: ClueStatus, to: ClueStatus, by: ClueEdge["by"]): ClueEdge {
  const edge = clueTransitionOf(from, to);
  if (!edge || edge.by !== by) throw new ClueTransitionError(from, to);
  return edge;
}

/** The statuses a prosecutor may move the clue to from the clue page. */
export function nextClueStatuses(from: ClueStatus): ClueStatus[] {
  return CLUE_STATUSES.filter((to) => CLUE_TRANSITIONS[from][to]?.by === "prosecutor");
}

export type CaseProposalKind = "filing" | "not_filing";

/**
 * Whether a case may be proposed from a clue in this status. Proposals conclude an evaluation
 * (规则 Art 27): not before it has started, and the evaluation text must be written. More than one
 * case may come from one clue, one per respondent agency of a shared harm (规则 Art 69), so a
 * filing proposal is still possible once the clue is filed; not filing is proposed only while the
 * clue is under evaluation.
 */
export function caseProposalRefusal(
  clue: { status: ClueStatus; evaluation: string | null },
  kind: CaseProposalKind,
): string | null {
  const allowed: readonly ClueStatus[] = kind === "filing" ? ["evaluating", "filed"] : ["evaluating"];
  if (!allowed.includes(clue.status)) return "clues.error.transition";
  if (!clue.evaluation?.trim()) return "clues.error.evaluationRequired";
  return null;
}

/**
 * Where a clue under evaluation goes after the chief decided on one of its cases: filed as soon
 * as one case is filed (a filed case moves on to later states, all of which count); not filed
 * when every case from it was refused filing; otherwise it stays under evaluation (another
 * proposal is still awaiting its decision). Null when the clue does not move.
 */
export function clueStatusAfterCaseDecision(clueStatus: ClueStatus, caseStates: readonly CaseState[]): ClueStatus | null {
  if (clueStatus !== "evaluating" || caseStates.length === 0) return null;
  if (caseStates.some((s) => s !== "evaluation" && s !== "not_filed")) return "filed";
  if (caseStates.every((s) => s === "not_filed")) return "not_filed";
  return null;
}
