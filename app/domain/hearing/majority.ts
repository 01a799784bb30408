import { z } from "zod";

/** A panelist's stance on one case (PanelOpinion.stance). */
export const OPINION_STANCES = ["agree", "disagree", "conditional"] as const;
export const opinionStanceSchema = z.enum(OPINION_STANCES);
export type OpinionStance = z.infer<typeof opinionStanceSchema>;

export type OpinionTally = {
  agree: number;
  disagree: number;
  conditional: number;
  total: number;
  /**
   * The stance held by more opinions than any other, or null when the top two tie or no opinion
   * was given. Departing from the majority needs the chief's approval (听证规定 Art 16).
   */
  majority: OpinionStance | null;
  /** Whether the majority stance is held by more than half of the opinions counted. */
  absolute: boolean;
};

/**
 * Counts the panel's opinions on one case and names the majority (plurality) stance. Opinions of
 * recused panelists must be left out by the caller; unknown stances are ignored.
 */
export function tallyOpinions(opinions: readonly { stance: string }[]): OpinionTally {
  const counts: Record<OpinionStance, number> = { agree: 0, disagree: 0, conditional: 0 };
  for (const o of opinions) {
    const parsed = opinionStanceSchema.safeParse(o.stance);
    if (parsed.success) counts[parsed.data] += 1;
  }
  const total = counts.agree + counts.disagree + counts.conditional;
  const ranked = [...OPINION_STANCES].sort((a, b) => counts[b] - counts[a]);
  const top = ranked[0]!;
  const second = ranked[1]!;
  const majority = total > 0 && counts[top] > counts[second] ? top : null;
  return { ...counts, total, majority, absolute: majority !== null && counts[majority] * 2 > total };
}

/** Whether a final decision departs from the panel majority (so needs a departure approval). */
export function departsFromMajority(tally: OpinionTally, decisionStance: OpinionStance): boolean {
  return tally.majority !== null && tally.majority !== decisionStance;
}
