import { z } from "zod";
import { localDateTimeSchema, optionalLocalDateTimeSchema } from "~/domain/common/dates";
import { optionalContactPhoneSchema, optionalPhoneSchema } from "~/domain/common/phone";
import { nullableText, optionalText, requiredText } from "~/domain/common/text";
import { noticeMethodSchema, participantKindSchema, proposedHandlingSchema } from "~/domain/hearing/states";

// The forms of a hearing's setup (issue 9, items 1, 3, 4): one zod schema per form, used by the
// browser (Conform) and by the action. Messages are i18n keys.

export const HEARING_TITLE_MAX = 200;
export const HEARING_PURPOSE_MAX = 2000;
export const HEARING_VENUE_MAX = 200;
export const HEARING_CLOSED_REASON_MAX = 500;
export const HEARING_CASE_TEXT_MAX = 2000;
export const HEARING_MAX_CASES = 60;
export const OBSERVER_SEATS_MAX = 10_000;
export const PARTICIPANT_NAME_MAX = 50;
export const PARTICIPANT_TEXT_MAX = 100;
export const SETUP_REASON_MAX = 500;
export const ANNOUNCEMENT_MAX = 5000;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const id = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(64, "validation.invalid");
const optionalId = z.preprocess(blankToUndefined, z.string().trim().max(64, "validation.invalid").optional());

/** Public or closed (听证规定 Art 5): a radio group sends one of these. */
export const HEARING_FORMS = ["public", "closed"] as const;

/** One case the hearing hears (HearingCase), in the order given (ordinal = position + 1). */
export const hearingCaseSchema = z.object({
  caseId: id,
  sessionAt: optionalLocalDateTimeSchema,
  issues: optionalText(HEARING_CASE_TEXT_MAX),
  proposedHandling: proposedHandlingSchema,
  proposal: optionalText(HEARING_CASE_TEXT_MAX),
});
export type HearingCaseInput = z.infer<typeof hearingCaseSchema>;

/**
 * The hearing form (/hearings/new and /hearings/:id/edit). A closed hearing needs its reason:
 * state secrets or privacy, or commercial secrets on a party's request (听证规定 Art 5).
 */
export const hearingFormSchema = z
  .object({
    seriesId: optionalId,
    title: requiredText(HEARING_TITLE_MAX),
    purpose: optionalText(HEARING_PURPOSE_MAX),
    venue: requiredText(HEARING_VENUE_MAX),
    startsAt: localDateTimeSchema,
    endsAt: optionalLocalDateTimeSchema,
    hostId: id,
    clerkId: optionalId,
    form: z.enum(HEARING_FORMS, { error: "validation.required" }),
    closedReason: optionalText(HEARING_CLOSED_REASON_MAX),
    contactPhone: optionalContactPhoneSchema,
    observerSeats: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "validation.invalid" })
        .int("validation.invalid")
        .min(0, "validation.invalid")
        .max(OBSERVER_SEATS_MAX, "validation.invalid")
        .optional(),
    ),
    cases: z
      .array(hearingCaseSchema, { error: "hearingSetup.validation.casesRequired" })
      .min(1, "hearingSetup.validation.casesRequired")
      .max(HEARING_MAX_CASES, "hearingSetup.validation.tooManyCases"),
  })
  .superRefine((v, ctx) => {
    // 听证规定 Art 5: a hearing is public unless a reason of Art 5 closes it.
    if (v.form === "closed" && !v.closedReason) {
      ctx.addIssue({ code: "custom", path: ["closedReason"], message: "hearingSetup.validation.closedReasonRequired" });
    }
    if (v.endsAt && v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "hearingSetup.validation.endsBeforeStart" });
    }
    if (v.clerkId && v.clerkId === v.hostId) {
      ctx.addIssue({ code: "custom", path: ["clerkId"], message: "hearingSetup.validation.clerkIsHost" });
    }
    const seen = new Set<string>();
    v.cases.forEach((c, i) => {
      if (seen.has(c.caseId)) {
        ctx.addIssue({ code: "custom", path: ["cases", i, "caseId"], message: "hearingSetup.validation.duplicateCase" });
      }
      seen.add(c.caseId);
    });
  })
  .transform(({ form, closedReason, ...v }) => ({
    ...v,
    isPublic: form === "public",
    closedReason: form === "closed" ? (closedReason ?? null) : null,
  }));
export type HearingFormInput = z.infer<typeof hearingFormSchema>;

/** Cancelling a hearing (moveHearing to cancelled) needs its reason. */
export const cancelHearingSchema = z.object({
  intent: z.literal("cancel"),
  reason: requiredText(SETUP_REASON_MAX),
});

// ───────── participants (item 3) ─────────

/**
 * A participant besides the panel: an agency's representative (the agency from the
 * procuratorate's agencies), another body (其他参加人, e.g. 疫情防控指挥部; organisation in words)
 * or an invited observer.
 */
const participantFields = z.object({
  kind: participantKindSchema,
  agencyId: optionalId,
  organisation: optionalText(PARTICIPANT_TEXT_MAX),
  name: requiredText(PARTICIPANT_NAME_MAX),
  post: nullableText(PARTICIPANT_TEXT_MAX),
  phone: optionalPhoneSchema,
});

function refineParticipant(v: z.infer<typeof participantFields>, ctx: z.RefinementCtx) {
  if (v.kind === "agency_representative" && !v.agencyId) {
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: "hearingSetup.validation.agencyRequired" });
  }
  if (v.kind === "other" && !v.organisation) {
    ctx.addIssue({ code: "custom", path: ["organisation"], message: "hearingSetup.validation.organisationRequired" });
  }
}

export const participantSchema = z.discriminatedUnion("intent", [
  participantFields.extend({ intent: z.literal("add") }).superRefine(refineParticipant),
  participantFields.extend({ intent: z.literal("update"), participantId: id }).superRefine(refineParticipant),
  z.object({ intent: z.literal("remove"), participantId: id }),
]);
export type ParticipantInput = z.infer<typeof participantSchema>;

// ───────── notices and approvals (item 4) ─────────

/** Whom a notice was given to: "panelist:<panelistId>" or "participant:<participantId>". */
export const noticeTargetSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^(panelist|participant):[A-Za-z0-9_-]{1,64}$/, "validation.invalid")
  .transform((v) => {
    const [kind, targetId] = v.split(":") as ["panelist" | "participant", string];
    return { kind, id: targetId };
  });

export const noticesSchema = z.discriminatedUnion("intent", [
  // 听证规定 Art 10: when and how one person was notified.
  z.object({
    intent: z.literal("notice"),
    target: noticeTargetSchema,
    notifiedAt: localDateTimeSchema,
    method: noticeMethodSchema,
  }),
  // 听证规定 Art 4: the chief approves holding the hearing (Approval kind `hearing`).
  z.object({ intent: z.literal("requestHearing"), reason: optionalText(SETUP_REASON_MAX) }),
  // A notice later than the hearing_notice rule allows needs a reason approved (kind `late_notice`).
  z.object({ intent: z.literal("requestLateNotice"), reason: requiredText(SETUP_REASON_MAX) }),
  // planned → notified once everyone has notice.
  z.object({ intent: z.literal("markNotified") }),
  // The 听证公告 of a public hearing (听证规定 Art 10(4)).
  z.object({ intent: z.literal("announce"), announcement: requiredText(ANNOUNCEMENT_MAX) }),
]);
export type NoticesInput = z.infer<typeof noticesSchema>;

/** The datetime-local value ("YYYY-MM-DDTHH:mm", Asia/Shanghai wall time, UTC+8) of an instant. */
export function toShanghaiLocal(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}
