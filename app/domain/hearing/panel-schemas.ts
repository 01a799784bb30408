import { z } from "zod";
import { nullableText, requiredText } from "~/domain/common/text";
import { opinionStanceSchema } from "~/domain/hearing/majority";
import { recusalDecisionSchema } from "~/domain/hearing/states";

// The forms of the panel (issue 9): seating and recusal on the staff panel tab, the no-conflict
// declaration and the opinion in the panel portal, the decision and the departure request on the
// staff opinions tab. Messages are i18n keys; one schema per form, used by the page and the action.

export const PANEL_REASON_MAX = 500;
export const PANEL_NAME_MAX = 50;
export const OPINION_TEXT_MAX = 2000;

const recordId = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(64, "validation.invalid");

export const seatSchema = z.object({ intent: z.literal("seat"), panelistId: recordId });
export const unseatSchema = z.object({ intent: z.literal("unseat"), panelistId: recordId });
export const recusalRequestSchema = z.object({
  intent: z.literal("requestRecusal"),
  panelistId: recordId,
  // Who asked: the panelist, a party, or the prosecutor (规则 Art 23), in words.
  requestedBy: requiredText(PANEL_NAME_MAX),
  reason: requiredText(PANEL_REASON_MAX),
});
export const recusalDecisionFormSchema = z.object({
  intent: z.literal("decideRecusal"),
  panelistId: recordId,
  decision: recusalDecisionSchema,
});

export const panelTabSchema = z.discriminatedUnion(
  "intent",
  [seatSchema, unseatSchema, recusalRequestSchema, recusalDecisionFormSchema],
  { error: "validation.invalid" }
);
export type PanelTabInput = z.infer<typeof panelTabSchema>;

/** The no-conflict declaration (听证规定 Art 7): the panelist confirms the statement and signs it. */
export const declarationSchema = z.object({
  intent: z.literal("declare"),
  confirm: z.literal("on", { error: "hearingPanel.declaration.confirmRequired" }),
  signedName: requiredText(PANEL_NAME_MAX),
});

/**
 * One panelist's opinion on one case: a stance, reasons, conditions when conditional, signed.
 * Conditions of another stance are not kept (opinionConditions in app/domain/hearing/panel.ts).
 */
export const opinionSchema = z
  .object({
    intent: z.literal("opinion"),
    caseId: recordId,
    stance: opinionStanceSchema,
    reasons: requiredText(OPINION_TEXT_MAX),
    conditions: nullableText(OPINION_TEXT_MAX),
    signedName: requiredText(PANEL_NAME_MAX),
  })
  .superRefine((v, ctx) => {
    // Agreeing with conditions names them (DOMAIN.md §2: agree / disagree / with conditions, plus text).
    if (v.stance === "conditional" && !v.conditions) {
      ctx.addIssue({ code: "custom", path: ["conditions"], message: "hearingPanel.opinion.conditionsRequired" });
    }
  });
export type OpinionInput = z.infer<typeof opinionSchema>;

export const portalSchema = z.discriminatedUnion("intent", [declarationSchema, opinionSchema], {
  error: "validation.invalid",
});

/** The procuratorate's decision on one case after the hearing, as a stance on the proposal. */
export const decisionSchema = z.object({
  intent: z.literal("decide"),
  caseId: recordId,
  stance: opinionStanceSchema,
  note: requiredText(OPINION_TEXT_MAX),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/** A request for the chief's approval to depart from the panel majority (听证规定 Art 16). */
export const departureRequestSchema = z.object({
  intent: z.literal("requestDeparture"),
  caseId: recordId,
  /** The decision the approval will allow (recordDecision accepts it only for this stance). */
  stance: opinionStanceSchema,
  reason: requiredText(PANEL_REASON_MAX),
});
export type DepartureRequestInput = z.infer<typeof departureRequestSchema>;

export const opinionsTabSchema = z.discriminatedUnion("intent", [decisionSchema, departureRequestSchema], {
  error: "validation.invalid",
});
