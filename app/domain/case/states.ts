import { z } from "zod";

/**
 * Case states (DOMAIN.md §1). Consultation (磋商) and hearings (听证) are activities inside a state,
 * not states: a hearing may sit at any stage (规则 Art 44).
 */
export const CASE_STATES = [
  "evaluation", // 评估 / 初步调查 (规则 Art 27)
  "not_filed", // 不立案 (规则 Art 30)
  "filed", // 已立案; 立案决定书 to be served within 7 days (规则 Art 70)
  "investigating", // 调查 (规则 Arts 33–43, 71–73)
  "recommending", // 检察建议 drafted, awaiting approval and service (规则 Arts 75–76)
  "rectification", // 整改期: served, agency has 2 months or 15 days (两高解释 Art 21)
  "follow_up", // 跟进调查 (规则 Art 77)
  "suspended", // 中止审查 (规则 Art 78)
  "pre_suit_review", // 审查起诉 (规则 Arts 47, 81)
  "litigation", // 提起诉讼 (规则 Art 81)
  "closed", // 终结 (规则 Arts 74, 80)
] as const;

export const caseStateSchema = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof caseStateSchema>;

export const ACTIVE_STATES: readonly CaseState[] = CASE_STATES.filter((s) => s !== "closed" && s !== "not_filed");

/** Public-interest fields (行诉法 Art 25(4); the list is open, "等"). */
export const CASE_FIELDS = [
  "ecology",
  "food_drug",
  "state_property",
  "land_grant",
  "public_health",
  "safety",
  "heritage",
  "other",
] as const;
export const caseFieldSchema = z.enum(CASE_FIELDS);
export type CaseField = z.infer<typeof caseFieldSchema>;
