import { z } from "zod";

// Messages are i18n keys; the form shows them in the user's language.

export const APPROVAL_DECISIONS = ["pending", "approved", "rejected"] as const;
export const approvalDecisionSchema = z.enum(APPROVAL_DECISIONS);
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/** Kinds of approval request (Approval.kind; 规则 Arts 5, 7, 47, 78; 听证规定 Arts 4, 10, 16). */
export const APPROVAL_KINDS = [
  "filing",
  "not_filing",
  "recommendation",
  "closure",
  "suit",
  "suspension",
  "resumption",
  "extension",
  "hearing",
  "departure_from_majority",
  "late_notice",
] as const;
export const approvalKindSchema = z.enum(APPROVAL_KINDS);
export type ApprovalKindValue = z.infer<typeof approvalKindSchema>;

export const APPROVAL_COMMENT_MAX = 1000;

/** The approver's decision on a pending request: a reason is required when rejecting. */
export const decideApprovalSchema = z
  .object({
    decision: z.enum(["approved", "rejected"], { error: "approvals.validation.decision" }),
    comment: z
      .string()
      .trim()
      .max(APPROVAL_COMMENT_MAX, "validation.tooLong")
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "rejected" && !v.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "approvals.validation.commentRequired" });
    }
  });
export type DecideApprovalInput = z.infer<typeof decideApprovalSchema>;

/** List filter for /approvals. */
export const approvalListFilterSchema = z.object({
  decision: z.enum(["pending", "approved", "rejected", "all"]).catch("all"),
});
