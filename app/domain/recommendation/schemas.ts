import { z } from "zod";

import type { CaseState } from "~/domain/case/states";

// The 检察建议书 draft (规则 Art 75; 建议规定 Arts 16, 20): facts, reasons, legal basis, numbered
// points, the reply period, the objection period and the 抄送 list.

/** 两高解释 Art 21: two months, or fifteen days where the harm is spreading or urgent. */
export const REPLY_PERIODS = ["two_months", "fifteen_days"] as const;
export const replyPeriodSchema = z.enum(REPLY_PERIODS, { error: "casepage.validation.replyPeriod" });

export const RECOMMENDATION_STATUSES = ["draft", "pending_approval", "approved", "served", "replied", "closed"] as const;

/** 规则 Arts 73, 75: the draft is written once investigation supports a recommendation. */
export const DRAFTING_STATES: readonly CaseState[] = ["investigating", "recommending"];
export function mayDraft(state: string): boolean {
  return (DRAFTING_STATES as readonly string[]).includes(state);
}

/**
 * A draft can be edited until it is submitted for the chief's approval; a rejected request
 * returns it to its author (the latest recommendation approval was rejected).
 */
export function isDraftEditable(status: string, latestDecision: string | null): boolean {
  return status === "draft" || (status === "pending_approval" && latestDecision === "rejected");
}

export const OBJECTION_DAYS_MAX = 60;
const TEXT_MAX = 8000;
const text = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(TEXT_MAX, "validation.tooLong");
const version = z.coerce.number({ error: "validation.invalid" }).int().min(0);
const id = z.string({ error: "validation.invalid" }).min(1, "validation.invalid").max(64, "validation.invalid");
const pointText = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(2000, "validation.tooLong");

export const draftFieldsSchema = z.object({
  facts: text,
  reasons: text,
  legalBasis: text,
  replyPeriod: replyPeriodSchema,
  objectionDays: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce
      .number({ error: "casepage.validation.objectionDays" })
      .int("casepage.validation.objectionDays")
      .min(1, "casepage.validation.objectionDays")
      .max(OBJECTION_DAYS_MAX, "casepage.validation.objectionDays")
      .optional(),
  ),
  ccList: z
    .string()
    .trim()
    .max(1000, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type DraftFields = z.infer<typeof draftFieldsSchema>;

/** Every form of the recommendation tab, told apart by its submit button's `intent`. */
export const recommendationActionSchema = z.discriminatedUnion("intent", [
  draftFieldsSchema.extend({ intent: z.literal("create"), version }),
  draftFieldsSchema.extend({ intent: z.literal("update"), recommendationId: id, version }),
  z.object({ intent: z.literal("addPoint"), recommendationId: id, text: pointText, version }),
  z.object({ intent: z.literal("editPoint"), recommendationId: id, pointId: id, text: pointText, version }),
  z.object({ intent: z.literal("deletePoint"), recommendationId: id, pointId: id, version }),
  z.object({ intent: z.enum(["moveUp", "moveDown"]), recommendationId: id, pointId: id, version }),
  z.object({ intent: z.literal("submit"), recommendationId: id, version }),
]);
export type RecommendationAction = z.infer<typeof recommendationActionSchema>;

/** The point list after moving one point up or down: the ids in their new order (pure). */
export function movePoint(ids: readonly string[], pointId: string, direction: "up" | "down"): string[] | null {
  const i = ids.indexOf(pointId);
  if (i < 0) return null;
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= ids.length) return [...ids];
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
