import { z } from "zod";

import { optionalIsoDateSchema } from "~/domain/common/dates";
import type { Calendar } from "~/domain/deadlines/calendar";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays } from "~/domain/deadlines/dates";
import { answerStatusSchema } from "~/domain/recommendation/reply";

// The agency's reply form in the portal (整改回复, 两高解释 Art 21): one answer per recommendation
// point. A draft may be saved half done any number of times; submitting asks for every point and
// the details its status needs. Read by the browser (Conform) and the action.

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, "validation.tooLong").optional());
const id = z.string({ error: "validation.invalid" }).min(1, "validation.invalid").max(64, "validation.invalid");

export const REPLY_TEXT_MAX = 4000;

const answerFieldsSchema = z.object({
  pointId: id,
  status: z.preprocess(blank, answerStatusSchema.optional()),
  text: optionalText(REPLY_TEXT_MAX),
  plan: optionalText(REPLY_TEXT_MAX),
  targetOn: optionalIsoDateSchema,
});
export type AnswerFields = z.output<typeof answerFieldsSchema>;

/** What each answer status needs before the reply can be submitted (a message key per missing field). */
export function answerIssues(a: AnswerFields): { field: "status" | "text" | "plan" | "targetOn"; message: string }[] {
  if (!a.status) return [{ field: "status", message: "agencyReply.reply.statusRequired" }];
  const out: { field: "status" | "text" | "plan" | "targetOn"; message: string }[] = [];
  if (!a.text) {
    const key = a.status === "not_done" ? "agencyReply.reply.reasonsRequired" : a.status === "objection" ? "agencyReply.reply.objectionRequired" : "agencyReply.reply.textRequired";
    out.push({ field: "text", message: key });
  }
  if (a.status === "in_progress") {
    if (!a.plan) out.push({ field: "plan", message: "agencyReply.reply.planRequired" });
    if (!a.targetOn) out.push({ field: "targetOn", message: "agencyReply.reply.targetRequired" });
  }
  return out;
}

/**
 * The reply form. `version` is the draft's updatedAt (ms) as it was read, empty for a new reply:
 * a save over a draft changed meanwhile is refused instead of overwriting it.
 */
export const replyFormSchema = z
  .object({
    intent: z.enum(["save", "submit"], { error: "validation.invalid" }),
    version: z.preprocess(blank, z.string().max(32, "validation.invalid").regex(/^\d+$/, "validation.invalid").optional()),
    summary: optionalText(REPLY_TEXT_MAX),
    answers: z.array(answerFieldsSchema).max(200, "validation.invalid").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "submit") return;
    if (!v.summary) ctx.addIssue({ code: "custom", path: ["summary"], message: "agencyReply.reply.summaryRequired" });
    v.answers.forEach((a, i) => {
      for (const issue of answerIssues(a)) ctx.addIssue({ code: "custom", path: ["answers", i, issue.field], message: issue.message });
    });
  });
export type ReplyForm = z.output<typeof replyFormSchema>;

/**
 * The last day an objection is accepted: `objectionDays` after the first service (建议规定 Art 23;
 * the period stated in the letter, 规则 Art 75), a last day on a rest day moved to the next working
 * day when a calendar is given (民诉法 Art 85 via 行诉法 Art 101, as the reply clock). Null when the
 * letter states no objection period.
 */
export function objectionLastDay(servedOn: IsoDate | null, objectionDays: number | null, calendar?: Pick<Calendar, "isWorkingDay">): IsoDate | null {
  if (!servedOn || !objectionDays) return null;
  let last = addDays(servedOn, objectionDays);
  for (let i = 0; calendar && i < 60 && !calendar.isWorkingDay(last); i++) last = addDays(last, 1);
  return last;
}

/**
 * Whether a reply submitted on `today` after `dueOn` is late (accepted, marked late; 两高解释 Art 21).
 * Never while the reply clock is paused: a suspended case stops the period (规则 Art 78).
 */
export function isLate(dueOn: IsoDate | null, today: IsoDate, paused = false): boolean {
  return !paused && dueOn !== null && today > dueOn;
}

/** A photo's or document's details typed beside the file (rectification evidence per point). */
export const attachmentFieldsSchema = z.object({
  pointId: id,
  takenAt: z.preprocess(blank, z.string().max(40, "validation.tooLong").optional()),
  place: optionalText(200),
});

/** The receipt number of a submitted reply: the procuratorate's short name, 回执, year and sequence. */
export function formatReceiptNumber(shortName: string, year: number, seq: number): string {
  return `${shortName}回执〔${year}〕${seq}号`;
}
