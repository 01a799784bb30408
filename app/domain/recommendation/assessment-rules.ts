import { z } from "zod";
import type { AssessmentOutcome } from "~/domain/recommendation/assessment";
import { ASSESSMENT_OUTCOMES, assessmentOutcomeSchema } from "~/domain/recommendation/assessment";

// The per-point assessment after the agency's reply (跟进调查, 规则 Art 77): when a point may be
// assessed, which assessment counts (the newest one not reopened), and when a reply is fully assessed.

/** One stored PointAssessment, as much as the rules read. */
export type AssessmentRow = {
  id: string;
  pointId: string;
  outcome: string;
  assessedAt: Date | string;
  reopenedAt: Date | string | null;
};

const time = (d: Date | string) => (typeof d === "string" ? new Date(d).getTime() : d.getTime());

/**
 * The current assessment of each point: the newest not reopened. A reopened assessment stays as
 * history and no longer counts (issue 11 §4), so a point whose newest one is reopened has none.
 */
export function currentAssessments<R extends AssessmentRow>(rows: readonly R[]): Map<string, R> {
  const newest = new Map<string, R>();
  for (const r of rows) {
    const seen = newest.get(r.pointId);
    if (!seen || time(r.assessedAt) > time(seen.assessedAt) || (time(r.assessedAt) === time(seen.assessedAt) && r.id > seen.id)) {
      newest.set(r.pointId, r);
    }
  }
  const current = new Map<string, R>();
  for (const [pointId, r] of newest) if (!r.reopenedAt) current.set(pointId, r);
  return current;
}

/** The outcome that counts for a point, or null when it has no current assessment. */
export function currentOutcome(rows: readonly AssessmentRow[], pointId: string): AssessmentOutcome | null {
  const row = currentAssessments(rows).get(pointId);
  const parsed = assessmentOutcomeSchema.safeParse(row?.outcome);
  return parsed.success ? parsed.data : null;
}

/** 规则 Art 77: the prosecutor verifies what the agency replied, so only a submitted reply is assessed. */
export function mayAssessReply(replyStatus: string | null | undefined): boolean {
  return replyStatus === "submitted" || replyStatus === "assessed";
}

/** Reply status once assessments changed: assessed when every point has a current one, else submitted. */
export function replyStatusAfterAssessment(pointIds: readonly string[], rows: readonly AssessmentRow[]): "submitted" | "assessed" {
  const current = currentAssessments(rows);
  return pointIds.length > 0 && pointIds.every((id) => current.has(id)) ? "assessed" : "submitted";
}

/** A point may be assessed when it has no current assessment (a current one is reopened first). */
export function mayAssessPoint(rows: readonly AssessmentRow[], pointId: string): boolean {
  return !currentAssessments(rows).has(pointId);
}

const text = (key: string, max: number) => z.string({ error: key }).trim().min(1, key).max(max, "validation.tooLong");

/** The forms of the assessment tab: assess a point, reopen its assessment (reason required). */
export const assessmentFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("assess"),
    pointId: z.string({ error: "validation.invalid" }).min(1, "validation.invalid"),
    outcome: z.enum(ASSESSMENT_OUTCOMES, { error: "agencyAssess.validation.outcome" }),
    findings: text("agencyAssess.validation.findings", 4000),
  }),
  z.object({
    intent: z.literal("reopen"),
    assessmentId: z.string({ error: "validation.invalid" }).min(1, "validation.invalid"),
    reason: text("agencyAssess.validation.reopenReason", 2000),
  }),
]);
export type AssessmentFormInput = z.infer<typeof assessmentFormSchema>;
