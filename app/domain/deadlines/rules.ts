import { z } from "zod";
import type { ReplyPeriod } from "~/domain/recommendation/states";

/**
 * Statutory periods as data (DOMAIN.md §4). Each rule names its source; `direction: "before"`
 * counts back from an event (notice before a hearing). Periods are calendar days or months counted
 * under 民诉法 Art 85 via 行诉法 Art 101 (start day excluded, last day moved off a holiday).
 */
export const DEADLINE_RULE_IDS = [
  "filing_decision_service",
  "recusal_decision",
  "recusal_reconsideration",
  "commissioned_investigation",
  "hearing_notice",
  "recommendation_service",
  "recommendation_filing_upward",
  "agency_reply",
  "agency_reply_urgent",
  "pre_suit_review",
  "complaint_filing_upward",
  "court_appearance_notice",
  "judgment_filing_upward",
  "appeal_judgment",
  "appeal_ruling",
  "withdrawal_submission",
] as const;

export const deadlineRuleIdSchema = z.enum(DEADLINE_RULE_IDS);
export type DeadlineRuleId = z.infer<typeof deadlineRuleIdSchema>;

export type DeadlineRule = {
  id: DeadlineRuleId;
  amount: number;
  unit: "day" | "month";
  /** after: the period runs from the trigger; before: it must end the given time before the event. */
  direction: "after" | "before";
  /** Who must act by the due date. */
  party: "procuratorate" | "agency";
  /** Statutory source, as cited in code and shown (translated) in the UI. */
  basis: string;
  /** Whether an approved DeadlineExtension may lengthen it. */
  extendable: boolean;
};

export const DEADLINE_RULES = {
  // 立案决定书 served on the agency within 7 days of the decision (规则 Art 70)
  filing_decision_service: { id: "filing_decision_service", amount: 7, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 70", extendable: false },
  // Recusal request decided within 3 days (规则 Art 23)
  recusal_decision: { id: "recusal_decision", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 23", extendable: false },
  // Reconsideration of a recusal decision decided within 3 days (规则 Art 23)
  recusal_reconsideration: { id: "recusal_reconsideration", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 23", extendable: false },
  // Commissioned out-of-area investigation done within 30 days of receipt (规则 Art 43)
  commissioned_investigation: { id: "commissioned_investigation", amount: 30, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 43", extendable: false },
  // Participants notified at least 3 days before the hearing (听证规定 Art 10)
  hearing_notice: { id: "hearing_notice", amount: 3, unit: "day", direction: "before", party: "procuratorate", basis: "听证规定 Art 10", extendable: false },
  // 检察建议书 served within 3 days of the decision to recommend (规则 Art 76)
  recommendation_service: { id: "recommendation_service", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 76", extendable: false },
  // Served recommendation filed with the next-higher procuratorate within 5 days (规则 Art 75; 建议规定 Art 21)
  recommendation_filing_upward: { id: "recommendation_filing_upward", amount: 5, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 75", extendable: false },
  // Agency's written reply within 2 months of receipt (两高解释 Art 21; 建议规定 Art 19)
  agency_reply: { id: "agency_reply", amount: 2, unit: "month", direction: "after", party: "agency", basis: "两高解释 Art 21", extendable: false },
  // 15 days when the harm is spreading or urgent (两高解释 Art 21)
  agency_reply_urgent: { id: "agency_reply_urgent", amount: 15, unit: "day", direction: "after", party: "agency", basis: "两高解释 Art 21", extendable: false },
  // 审查起诉 within 1 month; +1 month with the chief's approval, more with the next-higher procuratorate (规则 Arts 47–48)
  pre_suit_review: { id: "pre_suit_review", amount: 1, unit: "month", direction: "after", party: "procuratorate", basis: "规则 Art 47", extendable: true },
  // 起诉书 filed upward within 5 days of delivery to the court (规则 Art 46)
  complaint_filing_upward: { id: "complaint_filing_upward", amount: 5, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 46", extendable: false },
  // 派员出庭通知书 within 3 days of the court's notice (规则 Art 49; 两高解释 Art 8)
  court_appearance_notice: { id: "court_appearance_notice", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 49", extendable: false },
  // First-instance judgment filed upward within 3 days of receipt (规则 Art 58)
  judgment_filing_upward: { id: "judgment_filing_upward", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 58", extendable: false },
  // Appeal against a judgment within 15 days of service (行诉法 Art 85)
  appeal_judgment: { id: "appeal_judgment", amount: 15, unit: "day", direction: "after", party: "procuratorate", basis: "行诉法 Art 85", extendable: false },
  // Appeal against a ruling within 10 days of service (行诉法 Art 85)
  appeal_ruling: { id: "appeal_ruling", amount: 10, unit: "day", direction: "after", party: "procuratorate", basis: "行诉法 Art 85", extendable: false },
  // Withdrawal or change of claims submitted to the court within 3 days of the decision (规则 Art 84)
  withdrawal_submission: { id: "withdrawal_submission", amount: 3, unit: "day", direction: "after", party: "procuratorate", basis: "规则 Art 84", extendable: false },
} as const satisfies { readonly [K in DeadlineRuleId]: DeadlineRule & { id: K } };

export function ruleById(id: DeadlineRuleId): DeadlineRule {
  return DEADLINE_RULES[id];
}

/** The reply rule for Recommendation.replyPeriod (两高解释 Art 21). */
export function replyRuleFor(replyPeriod: string): DeadlineRule {
  return replyPeriod === ("fifteen_days" satisfies ReplyPeriod) ? DEADLINE_RULES.agency_reply_urgent : DEADLINE_RULES.agency_reply;
}
