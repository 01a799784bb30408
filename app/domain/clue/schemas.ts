import { z } from "zod";
import { CLUE_SOURCES } from "~/domain/case/schemas";
import { CASE_FIELDS } from "~/domain/case/states";
import { isIsoDate } from "~/domain/deadlines/dates";
import { isMainlandPhone, normalizePhone } from "~/domain/common/phone";
import { isResidentIdNumber, normalizeIdNumber } from "~/domain/clue/identity";
import { optionalText, requiredText } from "~/domain/common/text";

// The forms of the clue screens (/clues/new and the clue page). One schema per form, shared by the
// browser (Conform) and the action; the clue page's forms are one discriminated union on `intent`.
// Messages are i18n keys.

export const CLUE_SUMMARY_MAX = 2000;
export const CLUE_LOCATION_MAX = 200;
export const INFORMANT_NAME_MAX = 50;
export const EVALUATION_MAX = 5000;
export const CASE_TITLE_MAX = 200;
export const REASON_MAX = 2000;
export const TRANSFER_TO_MAX = 200;

const optionalId = z
  .string()
  .trim()
  .max(64, "validation.invalid")
  .optional()
  .transform((v) => (v ? v : undefined));
const checkbox = z.boolean().default(false);

/**
 * Registering a clue (线索登记, 规则 Art 24). `today` (Asia/Shanghai) bounds the received date and
 * an ID number's date of birth. The informant may stay anonymous; a phone or ID number needs the
 * name beside it. The phone is stored in its canonical form (normalizePhone).
 */
export function registerClueSchema(today: string) {
  return z
    .object({
      source: z.enum(CLUE_SOURCES, { error: "validation.required" }),
      receivedOn: z
        .string({ error: "validation.required" })
        .trim()
        .refine((v) => isIsoDate(v), "validation.date")
        .refine((v) => v <= today, "clues.validation.receivedInFuture"),
      summary: requiredText(CLUE_SUMMARY_MAX),
      field: z.enum(CASE_FIELDS, { error: "validation.required" }),
      location: optionalText(CLUE_LOCATION_MAX),
      informantName: optionalText(INFORMANT_NAME_MAX),
      informantPhone: z
        .string()
        .optional()
        .transform((v) => (v && v.trim() ? normalizePhone(v) : undefined))
        .refine((v) => v === undefined || isMainlandPhone(v), "validation.phone"),
      informantIdNumber: z
        .string()
        .optional()
        .transform((v) => (v && v.trim() ? normalizeIdNumber(v) : undefined))
        .refine((v) => v === undefined || isResidentIdNumber(v, today), "clues.validation.idNumber"),
    })
    .superRefine((v, ctx) => {
      if (!v.informantName && (v.informantPhone || v.informantIdNumber)) {
        ctx.addIssue({ code: "custom", path: ["informantName"], message: "clues.validation.informantNameRequired" });
      }
    });
}
export type RegisterClueInput = z.infer<ReturnType<typeof registerClueSchema>>;

/** registered → evaluating (规则 Art 27); the prosecutor who starts becomes the assignee if none. */
export const startEvaluationSchema = z.object({ intent: z.literal("start") });

/** The evaluation text (评估意见), written and revised while the clue is under evaluation. */
export const saveEvaluationSchema = z.object({
  intent: z.literal("evaluate"),
  evaluation: requiredText(EVALUATION_MAX),
});

/**
 * Proposing a case from the clue: filing (提请立案) or not filing (提请不立案). Either creates the
 * case in `evaluation` against the respondent agency, or with the agency unknown (规则 Art 29), and
 * asks for the approval; not filing needs its reason (规则 Art 30). A new case may join a series
 * (系列案, 规则 Art 69).
 */
export const proposeCaseSchema = z
  .object({
    intent: z.literal("propose"),
    kind: z.enum(["filing", "not_filing"], { error: "validation.required" }),
    title: requiredText(CASE_TITLE_MAX),
    field: z.enum(CASE_FIELDS, { error: "validation.required" }),
    respondentAgencyId: optionalId,
    respondentUnknown: checkbox,
    seriesId: optionalId,
    urgent: checkbox,
    reason: optionalText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.respondentUnknown && v.respondentAgencyId) {
      ctx.addIssue({ code: "custom", path: ["respondentAgencyId"], message: "clues.validation.agencyOrUnknown" });
    }
    if (!v.respondentUnknown && !v.respondentAgencyId) {
      ctx.addIssue({ code: "custom", path: ["respondentAgencyId"], message: "clues.validation.agencyRequired" });
    }
    if (v.kind === "not_filing" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "clues.validation.reasonRequired" });
    }
  });
export type ProposeCaseInput = z.infer<typeof proposeCaseSchema>;

/** evaluating → transferred (移送, 规则 Art 26): to whom, and why. */
export const transferClueSchema = z.object({
  intent: z.literal("transfer"),
  transferredTo: requiredText(TRANSFER_TO_MAX),
  reason: optionalText(REASON_MAX),
});
export type TransferClueInput = z.infer<typeof transferClueSchema>;

/** Everything the clue page posts; an unknown or missing intent is invalid input (400). */
export const clueActionSchema = z.discriminatedUnion(
  "intent",
  [startEvaluationSchema, saveEvaluationSchema, proposeCaseSchema, transferClueSchema],
  { error: "validation.invalid" },
);
export type ClueActionInput = z.infer<typeof clueActionSchema>;

/** The query parameter of the explicit "show identity" action on the clue page (a GET, audited). */
export const SHOW_INFORMANT_PARAM = "informant";
export const SHOW_INFORMANT_VALUE = "show";

