import { z } from "zod";
import type { DeadlineRuleId } from "~/domain/deadlines/rules";

/**
 * The deadlines the app derives from case data (app/models/deadline.server.ts), by kind. The
 * agency reply kind covers both reply rules (2 months / 15 days, 两高解释 Art 21).
 */
export const LIVE_DEADLINE_KINDS = [
  "filing_decision_service",
  "recommendation_service",
  "agency_reply",
  "hearing_notice",
  "pre_suit_review",
] as const;
export const liveDeadlineKindSchema = z.enum(LIVE_DEADLINE_KINDS);
export type LiveDeadlineKind = z.infer<typeof liveDeadlineKindSchema>;

export const KIND_RULES: Record<LiveDeadlineKind, readonly DeadlineRuleId[]> = {
  filing_decision_service: ["filing_decision_service"],
  recommendation_service: ["recommendation_service"],
  agency_reply: ["agency_reply", "agency_reply_urgent"],
  hearing_notice: ["hearing_notice"],
  pre_suit_review: ["pre_suit_review"],
};

/** Search parameters of /deadlines; anything unknown falls back to "all". */
export const deadlineFilterSchema = z.object({
  kind: liveDeadlineKindSchema.optional().catch(undefined),
  status: z.enum(["all", "overdue", "due_soon"]).catch("all"),
});
export type DeadlineFilter = z.infer<typeof deadlineFilterSchema>;

export function parseDeadlineFilter(params: URLSearchParams): DeadlineFilter {
  return deadlineFilterSchema.parse({
    kind: params.get("kind") || undefined,
    status: params.get("status") || "all",
  });
}
