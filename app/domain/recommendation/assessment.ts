import { z } from "zod";

/**
 * The prosecutor's assessment of one recommendation point on verification (跟进调查, 规则 Art 77),
 * PointAssessment.outcome. Labels: assessmentOutcome.<o>.
 * paper_only is 回复了但未实际整改: the agency replied it was done, the site shows it was not. It
 * counts as not rectified in every rate (issue 11 §6) and keeps the duty unperformed (规则 Art 81).
 */
export const ASSESSMENT_OUTCOMES = [
  "rectified", // really rectified on verification
  "partly_rectified", // partly rectified
  "paper_only", // replied as done, not actually rectified
  "not_rectified", // not rectified
] as const;
export const assessmentOutcomeSchema = z.enum(ASSESSMENT_OUTCOMES);
export type AssessmentOutcome = z.infer<typeof assessmentOutcomeSchema>;

/** Only a point verified as rectified counts as rectified (paper-only and partly do not). */
export function isReallyRectified(outcome: AssessmentOutcome): boolean {
  return outcome === "rectified";
}
