import { z } from "zod";
import type { CaseState } from "~/domain/case/states";
import type { AssessmentOutcome } from "~/domain/recommendation/assessment";

// The escalation gate of the case page (issue 11 §5): after the recommendation, what the case
// offers next. Pure: the model loads the facts, this decides.

export type EscalationFacts = {
  state: CaseState;
  /** The agency submitted its reply (Reply status submitted or assessed). */
  replySubmitted: boolean;
  /** The end of the rectification period: the reply due date (两高解释 Art 21), null before service. */
  replyDueOn: string | null;
  today: string;
  /** The current outcome of each point of the recommendation, null where none counts yet. */
  outcomes: readonly (AssessmentOutcome | null)[];
};

export type EscalationReason = "overdue" | "unperformed" | "rectified";

export type Escalation =
  | { offer: "pre_suit_review"; reason: "overdue" | "unperformed"; complaintDraft: true }
  | { offer: "closure"; reason: "rectified"; ground: "fully_rectified"; complaintDraft: false }
  | { offer: "none"; complaintDraft: false };

/** The states in which the gate applies: the agency's period and the follow-up (规则 Arts 77, 79). */
const GATE_STATES: readonly CaseState[] = ["rectification", "follow_up"];

/** No submitted reply after the stored reply deadline (规则 Art 82(1): no timely reply). */
export function replyOverdue(f: Pick<EscalationFacts, "replySubmitted" | "replyDueOn" | "today">): boolean {
  return !f.replySubmitted && f.replyDueOn !== null && f.today > f.replyDueOn;
}

/** The rectification period stated in the recommendation has ended (规则 Arts 47, 82). */
export function periodEnded(f: Pick<EscalationFacts, "replyDueOn" | "today">): boolean {
  return f.replyDueOn !== null && f.today > f.replyDueOn;
}

/**
 * The duty is still unperformed when a current assessment finds a point not rectified, rectified on
 * paper only, or only partly (规则 Art 82(2)-(3): the plan not really executed, partial measures).
 */
export function dutyUnperformed(outcomes: readonly (AssessmentOutcome | null)[]): boolean {
  return outcomes.some((o) => o === "not_rectified" || o === "paper_only" || o === "partly_rectified");
}

/** Every point verified as rectified (规则 Art 74(3)). */
export function fullyRectified(outcomes: readonly (AssessmentOutcome | null)[]): boolean {
  return outcomes.length > 0 && outcomes.every((o) => o === "rectified");
}

/**
 * What the gate offers: pre-suit review (审查起诉, 规则 Arts 79, 81) with a complaint draft when the
 * reply is overdue, or when the duty is unperformed once the rectification period has ended (the
 * agency has its whole period to act, 规则 Arts 47, 82); closure on 规则 Art 74(3) when every point is
 * rectified (规则 Art 80); nothing otherwise, or outside the agency's period and the follow-up.
 */
export function decideEscalation(f: EscalationFacts): Escalation {
  if (!GATE_STATES.includes(f.state)) return { offer: "none", complaintDraft: false };
  if (replyOverdue(f)) return { offer: "pre_suit_review", reason: "overdue", complaintDraft: true };
  if (f.replySubmitted && periodEnded(f) && dutyUnperformed(f.outcomes)) return { offer: "pre_suit_review", reason: "unperformed", complaintDraft: true };
  if (f.replySubmitted && fullyRectified(f.outcomes)) return { offer: "closure", reason: "rectified", ground: "fully_rectified", complaintDraft: false };
  return { offer: "none", complaintDraft: false };
}

/** The gate's one form: take the offered step with its reason, at the case version shown. */
export const escalationSchema = z.object({
  offer: z.enum(["pre_suit_review", "closure"], { error: "validation.invalid" }),
  reason: z.string({ error: "agencyAssess.validation.reason" }).trim().min(1, "agencyAssess.validation.reason").max(2000, "validation.tooLong"),
  version: z.coerce.number({ error: "validation.invalid" }).int().min(0),
});
export type EscalationInput = z.infer<typeof escalationSchema>;
