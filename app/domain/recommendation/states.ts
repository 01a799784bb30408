import { z } from "zod";

/**
 * Where a 检察建议 (procuratorial recommendation) stands, Recommendation.status.
 * Labels: recommendationStatus.<status>.
 */
export const RECOMMENDATION_STATUSES = [
  "draft", // drafted by the handling prosecutor
  "pending_approval", // sent to the chief (规则 Art 75: the chief decides to recommend)
  "approved", // approved and numbered (建议规定 Art 7); to be served within 3 days (规则 Art 76)
  "served", // served on the agency; the reply clock runs (两高解释 Art 21)
  "replied", // the agency replied in writing (两高解释 Art 21)
  "closed", // follow-up done (规则 Arts 77, 79)
] as const;
export const recommendationStatusSchema = z.enum(RECOMMENDATION_STATUSES);
export type RecommendationStatus = z.infer<typeof recommendationStatusSchema>;

/** The agency's reply period, Recommendation.replyPeriod (两高解释 Art 21). Labels: replyPeriod.<p>. */
export const REPLY_PERIODS = [
  "two_months", // 2 months from receipt (两高解释 Art 21; 建议规定 Art 19)
  "fifteen_days", // 15 days when the harm is spreading or urgent (两高解释 Art 21)
] as const;
export const replyPeriodSchema = z.enum(REPLY_PERIODS);
export type ReplyPeriod = z.infer<typeof replyPeriodSchema>;
// Each period's deadline rule: replyRuleFor in app/domain/deadlines/rules.ts.

/**
 * How a document was served, Service.method (规则 Art 76; 民诉法 Arts 87–89).
 * Labels: serviceMethod.<method>.
 */
export const SERVICE_METHODS = [
  "direct", // 直接送达, signed for on the 送达回证 (民诉法 Art 87)
  "announcement", // 宣告送达 with deputies or 人民监督员 present (规则 Art 76; 建议规定 Art 18)
  "leaving", // 留置送达 after a refusal, with a witness or a recording (民诉法 Art 89)
  "post", // 邮寄送达 (民诉法 Art 91 by analogy; the receipt date is the service date)
] as const;
export const serviceMethodSchema = z.enum(SERVICE_METHODS);
export type ServiceMethod = z.infer<typeof serviceMethodSchema>;
