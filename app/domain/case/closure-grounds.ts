import { z } from "zod";

/**
 * The grounds on which a case is closed (终结案件): 规则 Art 74, applied at the decision stage
 * (Art 74) and after follow-up (Art 80). Kept as data with their article, so the closure form, the
 * approval payload and the 终结案件决定书 name the same item.
 */
export const CLOSURE_GROUNDS = [
  // 规则 Art 74(1): the agency did not act unlawfully and did not fail to act.
  { id: "no_violation", article: "规则 Art 74(1)" },
  // 规则 Art 74(2): the state or public interest has already been effectively protected.
  { id: "interest_protected", article: "规则 Art 74(2)" },
  // 规则 Art 74(3): the agency has fully rectified and performs its duty according to law.
  { id: "fully_rectified", article: "规则 Art 74(3)" },
  // 规则 Art 74(4) [M]: other circumstances in which the case should be closed.
  { id: "other", article: "规则 Art 74(4)" },
] as const;

export type ClosureGroundId = (typeof CLOSURE_GROUNDS)[number]["id"];
export const CLOSURE_GROUND_IDS = CLOSURE_GROUNDS.map((g) => g.id) as [ClosureGroundId, ...ClosureGroundId[]];
export const closureGroundSchema = z.enum(CLOSURE_GROUND_IDS, { error: "casepage.validation.closureGround" });

/** The article of a ground, or null when the id is not one of the list. */
export function closureGroundArticle(id: string): string | null {
  return CLOSURE_GROUNDS.find((g) => g.id === id)?.article ?? null;
}
