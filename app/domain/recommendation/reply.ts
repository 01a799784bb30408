import { z } from "zod";

/** The agency's written reply (整改回复), Reply.status (两高解释 Art 21). Labels: replyStatus.<s>. */
export const REPLY_STATUSES = [
  "draft", // being written by the agency liaison; not yet a reply
  "submitted", // submitted in writing: the reply the law asks for (两高解释 Art 21)
  "assessed", // assessed by the prosecutor in the follow-up (规则 Art 77)
] as const;
export const replyStatusSchema = z.enum(REPLY_STATUSES);
export type ReplyStatus = z.infer<typeof replyStatusSchema>;

/** Statuses of a reply that count as the agency having replied: they stop the reply clock. */
export const REPLIED_STATUSES = ["submitted", "assessed"] as const satisfies readonly ReplyStatus[];

/** Whether any of an agency's replies counts as its written reply (两高解释 Art 21). */
export function hasReplied(replyStatuses: readonly string[]): boolean {
  return replyStatuses.some((s) => (REPLIED_STATUSES as readonly string[]).includes(s));
}

/** The answer to one recommendation point, ReplyAnswer.status. Labels: answerStatus.<s>. */
export const ANSWER_STATUSES = [
  "done", // rectified
  "partly_done", // partly rectified; the rest explained in the text
  "in_progress", // rectification under way: with a plan and a target date
  "not_done", // not rectified: non-performance if it stays so (规则 Art 82)
  "objection", // the agency objects; re-examined at once (建议规定 Art 23)
] as const;
export const answerStatusSchema = z.enum(ANSWER_STATUSES);
export type AnswerStatus = z.infer<typeof answerStatusSchema>;
