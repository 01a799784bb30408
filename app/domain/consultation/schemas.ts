import { z } from "zod";

import type { CaseState } from "~/domain/case/states";
import { isIsoDate } from "~/domain/deadlines/dates";
import { nullableText } from "~/domain/common/text";

// Consultation (磋商, 规则 Art 70): after filing, the procuratorate and the agency talk about the
// violation, the harm and the rectification plan, by a meeting or by a 事实确认书, with minutes.

export const CONSULTATION_METHODS = ["meeting", "fact_confirmation"] as const;
export const consultationMethodSchema = z.enum(CONSULTATION_METHODS, { error: "casepage.validation.method" });

/** 规则 Art 70: consultation comes after filing and before the recommendation is issued. */
export const CONSULTATION_STATES: readonly CaseState[] = ["filed", "investigating", "recommending"];
export function mayConsult(state: string): boolean {
  return (CONSULTATION_STATES as readonly string[]).includes(state);
}

export const TEXT_MAX = 4000;
const text = (max = TEXT_MAX) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(max, "validation.tooLong");
const optionalText = (max = TEXT_MAX) => nullableText(max);

export const consultationSchema = z
  .object({
    method: consultationMethodSchema,
    heldOn: z.string({ error: "validation.date" }).trim().refine((v) => isIsoDate(v), "validation.date"),
    place: optionalText(200),
    attendees: text(1000),
    facts: text(),
    agencyPosition: text(),
    rectificationPlan: optionalText(),
    minutes: optionalText(),
    version: z.coerce.number({ error: "validation.invalid" }).int().min(0),
  })
  .superRefine((v, ctx) => {
    // 规则 Art 70: a consultation meeting is minuted (磋商纪要).
    if (v.method === "meeting" && !v.minutes) {
      ctx.addIssue({ code: "custom", path: ["minutes"], message: "casepage.validation.minutes" });
    }
  });
export type ConsultationInput = z.infer<typeof consultationSchema>;
