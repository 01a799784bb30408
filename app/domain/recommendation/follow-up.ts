import { z } from "zod";

/**
 * What the 跟进调查 (follow-up, 规则 Art 77) found, FollowUp.conclusion.
 * Labels: followUpConclusion.<c>.
 */
export const FOLLOW_UP_CONCLUSIONS = [
  "rectified", // fully rectified: close (规则 Art 74(3))
  "partly_rectified", // partly rectified
  "not_rectified", // not rectified: failure and harm persist (规则 Arts 81–82)
] as const;
export const followUpConclusionSchema = z.enum(FOLLOW_UP_CONCLUSIONS);
export type FollowUpConclusion = z.infer<typeof followUpConclusionSchema>;

/** What the 审查终结报告 proposes, FollowUp.disposition (规则 Art 79). Labels: cases.disposition.<d>. */
export const FOLLOW_UP_DISPOSITIONS = [
  "close", // 终结案件 (规则 Arts 79, 80)
  "sue", // 提起诉讼 (规则 Arts 79, 81)
  "transfer", // 移送 (规则 Art 79)
] as const;
export const followUpDispositionSchema = z.enum(FOLLOW_UP_DISPOSITIONS);
export type FollowUpDisposition = z.infer<typeof followUpDispositionSchema>;
