import { z } from "zod";

/**
 * A member's role in a case's handling team, CaseMember.role (规则 Art 6: one prosecutor or a
 * 办案组 led by a 主办检察官, with assistants and clerks). Labels: cases.memberRole.<role>.
 */
export const CASE_MEMBER_ROLES = [
  "lead", // 主办检察官 (规则 Art 6)
  "prosecutor", // 检察官 of the 办案组 (规则 Art 6)
  "assistant", // 检察官助理
  "clerk", // 书记员 (keeps the hearing record, 听证规定 ~Art 17)
] as const;
export const caseMemberRoleSchema = z.enum(CASE_MEMBER_ROLES);
export type CaseMemberRole = z.infer<typeof caseMemberRoleSchema>;
