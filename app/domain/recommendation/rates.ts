import type { AssessmentOutcome } from "~/domain/recommendation/assessment";

// Honest rectification rates (issue 11 §6), per agency, per series and per year. A point the agency
// replied as done counts as rectified only when verification found it really rectified (跟进调查,
// 规则 Art 77): paper-only (回复了但未实际整改) counts as NOT rectified, as do partly and not rectified.

/** One recommendation served on an agency: its year, its reply clock and its reply. */
export type RateRecommendation = {
  /** The year the rates file it under: the year of the service that started the reply clock. */
  year: number;
  /** The stored reply due date (两高解释 Art 21), null when not yet computed. */
  dueOn: string | null;
  /** The agency's reply once submitted (draft replies do not count). */
  reply: { late: boolean } | null;
  /** Each point's answer in the submitted reply, and the current assessment outcome of the point. */
  points: readonly { answer: string | null; outcome: AssessmentOutcome | null }[];
};

export type Rates = {
  /** Replies due: submitted ones, and unsubmitted ones whose due date has passed. */
  repliesDue: number;
  repliesOnTime: number;
  /** Points the agency replied as done. */
  pointsRepliedDone: number;
  /** Of those, verified (a current assessment exists). */
  pointsVerified: number;
  /** Of those, really rectified on verification. */
  pointsReallyRectified: number;
  /** Of those, rectified on paper only: counted as not rectified. */
  pointsPaperOnly: number;
};

export type YearRates = Rates & { year: number };

const empty = (): Rates => ({
  repliesDue: 0,
  repliesOnTime: 0,
  pointsRepliedDone: 0,
  pointsVerified: 0,
  pointsReallyRectified: 0,
  pointsPaperOnly: 0,
});

function add(r: Rates, rec: RateRecommendation, today: string) {
  const due = rec.reply !== null || (rec.dueOn !== null && today > rec.dueOn);
  if (due) r.repliesDue += 1;
  if (rec.reply && !rec.reply.late) r.repliesOnTime += 1;
  if (!rec.reply) return;
  for (const p of rec.points) {
    if (p.answer !== "done") continue;
    r.pointsRepliedDone += 1;
    if (p.outcome) r.pointsVerified += 1;
    // Only "rectified" counts; paper_only is counted apart and as not rectified.
    if (p.outcome === "rectified") r.pointsReallyRectified += 1;
    if (p.outcome === "paper_only") r.pointsPaperOnly += 1;
  }
}

/** The rates over all the rows, and per year (newest year first). */
export function computeRates(recs: readonly RateRecommendation[], today: string): { total: Rates; years: YearRates[] } {
  const total = empty();
  const byYear = new Map<number, Rates>();
  for (const rec of recs) {
    add(total, rec, today);
    let y = byYear.get(rec.year);
    if (!y) byYear.set(rec.year, (y = empty()));
    add(y, rec, today);
  }
  const years = [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, r]) => ({ year, ...r }));
  return { total, years };
}

/** A ratio as a whole percentage, or null when the denominator is zero (shown as "—"). */
export function percent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 100);
}
