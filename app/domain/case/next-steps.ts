import { z } from "zod";

import type { ApprovalKindValue } from "~/domain/approval/schemas";
import type { ApprovalKind } from "~/domain/case/lifecycle";
import { nextStates, transitionOf } from "~/domain/case/lifecycle";
import { closureGroundSchema } from "~/domain/case/closure-grounds";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";

// The next steps a case page offers: exactly the legal moves of the transition table, each with
// the approval it needs (规则 Arts 5, 7), and the forms that take them.

export type NextStep = { to: CaseState; approval: ApprovalKind | null; basis: string };

/**
 * The legal next steps from `state`. A suspended case resumes only to the state it was suspended
 * from (规则 Art 78), which the case's history gives as `suspendedFrom`.
 */
export function legalNextSteps(state: CaseState, suspendedFrom?: CaseState | null): NextStep[] {
  return nextStates(state)
    .filter((to) => state !== "suspended" || !suspendedFrom || to === suspendedFrom)
    .map((to) => {
      const edge = transitionOf(state, to)!;
      return { to, approval: edge.approval ?? null, basis: edge.basis };
    });
}

/** The verb of each approval request, for the one-line subject stored with it (in the record's language). */
const APPROVAL_VERB: Record<ApprovalKindValue, string> = {
  filing: "立案",
  not_filing: "不立案",
  recommendation: "制发检察建议",
  closure: "终结案件",
  suit: "提起诉讼",
  suspension: "中止审查",
  resumption: "恢复审查",
  extension: "延长审查起诉期限",
  hearing: "召开听证",
  departure_from_majority: "不采纳听证员多数意见",
  late_notice: "迟延通知听证参加人",
};

/** "提请终结案件：2026-行公-007 …案由": the line shown in the approval queue. */
export function approvalSubject(kind: ApprovalKindValue, kase: { number: string | null; title: string }): string {
  return `提请${APPROVAL_VERB[kind]}：${kase.number ? `${kase.number} ` : ""}${kase.title}`;
}

/** A closure decided by the chief names its ground from the 规则 Art 74 list (规则 Arts 74, 80). */
export function needsClosureGround(step: Pick<NextStep, "approval">): boolean {
  return step.approval === "closure";
}

/** 规则 Art 47: 审查起诉 may be extended by one month with the chief's approval. */
export const PRE_SUIT_EXTENSION_MONTHS = 1;

/** Whether the case may ask for the 规则 Art 47 extension of its pre-suit review now. */
export function mayExtendPreSuitReview(state: CaseState): boolean {
  return state === "pre_suit_review";
}

const REASON_MAX = 2000;
const reason = z
  .string({ error: "casepage.validation.reason" })
  .trim()
  .min(1, "casepage.validation.reason")
  .max(REASON_MAX, "validation.tooLong");
const version = z.coerce.number({ error: "validation.invalid" }).int().min(0);

/** One form per next step: the target, the reason, the case version it was shown at, a ground to close. */
export const nextStepSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("step"),
    to: caseStateSchema,
    reason,
    // Required when the step asks for a `closure` approval (see needsClosureGround).
    ground: z.preprocess((v) => (v === "" ? undefined : v), closureGroundSchema.optional()),
    version,
  }),
  z.object({ intent: z.literal("extension"), reason, version }),
]);
export type NextStepInput = z.infer<typeof nextStepSchema>;
export const NEXT_STEP_REASON_MAX = REASON_MAX;
