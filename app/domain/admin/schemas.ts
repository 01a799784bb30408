import { z } from "zod";
import { INVITATION_DAYS, invitationLinkError, invitableRoles } from "~/domain/auth/invitation";
import type { Role } from "~/domain/auth/roles";
import { isoDateSchema, isRealDate, optionalIsoDateSchema } from "~/domain/common/dates";
import { optionalContactPhoneSchema, optionalPhoneSchema } from "~/domain/common/phone";
import { isOldEnough } from "~/domain/hearing/eligibility";
import { requiredText } from "~/domain/common/text";

// The forms of the admin area and of invitations. One schema per form (per `intent` where a page
// has several forms), shared by the browser (Conform) and the action. Messages are i18n keys.

/** Categories of the 听证员库 (听证员库意见 Arts 2–3; DOMAIN.md §2: no identity requirement). */
export const PANELIST_CATEGORIES = [
  "npc_deputy",
  "cppcc_member",
  "people_supervisor",
  "volunteer",
  "expert",
  "other",
] as const;
export const panelistCategorySchema = z.enum(PANELIST_CATEGORIES, { error: "validation.required" });
export type PanelistCategory = z.infer<typeof panelistCategorySchema>;

export const GENDERS = ["male", "female"] as const;

/** How a panelist is linked to an organisation, for conflict checks when seating a panel. */
export const AFFILIATION_RELATIONS = ["employee", "former_employee", "family", "adviser", "other"] as const;

/** Kinds of administrative agency (行政机关) a procuratorate deals with (the demo seed uses the same values). */
export const AGENCY_KINDS = [
  "county_government", // 人民政府
  "department", // 政府工作部门
  "branch", // 上级部门的派出分局
  "subdistrict", // 街道办事处
  "township", // 乡镇人民政府
  "headquarters", // 议事协调机构 (指挥部)
  "institution", // 授权行使行政职能的事业单位
  "other",
] as const;

/** HolidayOverride.kind: a day off, or a make-up working day (调休上班). */
export const HOLIDAY_KINDS = ["holiday", "workday"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();
const id = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(64, "validation.invalid");
const optionalId = z.string().trim().max(64, "validation.invalid").optional();
const checkbox = z.boolean().default(false);

// ───────── procuratorate profile ─────────

export const profileSchema = z.object({
  name: requiredText(60),
  // The 院 abbreviation that opens every 文号, e.g. 桂 in 桂检行公建〔2022〕1号.
  shortName: requiredText(8),
  region: optionalText(60),
  address: optionalText(120),
  // The procuratorate's public number, often the 12309 hotline: service numbers are allowed.
  phone: optionalContactPhoneSchema,
  // 规则 Arts 27–30 set no time limit for evaluating a clue; a local rule may (null: none).
  clueEvaluationDays: z
    .number({ error: "admin.profile.daysInvalid" })
    .int("admin.profile.daysInvalid")
    .min(1, "admin.profile.daysInvalid")
    .max(365, "admin.profile.daysInvalid")
    .optional(),
});
export type ProfileInput = z.infer<typeof profileSchema>;

// ───────── invitations ─────────

/** The invitation form for an inviter of the given role: only the roles they may invite. */
export function invitationSchema(inviter: Role) {
  const roles = invitableRoles(inviter) as [Role, ...Role[]];
  return (
    z
      .object({
        intent: z.literal("invite"),
        role: z.enum(roles, { error: "validation.required" }),
        displayName: requiredText(60),
        agencyId: optionalId,
        panelistId: optionalId,
        expiresInDays: z
          .number({ error: "admin.invite.daysRange" })
          .int("admin.invite.daysRange")
          .min(INVITATION_DAYS.min, "admin.invite.daysRange")
          .max(INVITATION_DAYS.max, "admin.invite.daysRange")
          .default(INVITATION_DAYS.default),
      })
      // A select left over from another role (the form shows every select without JavaScript) is
      // ignored rather than refused; the link the role needs is required.
      .transform((v) => ({
        ...v,
        agencyId: v.role === "agency" ? v.agencyId : undefined,
        panelistId: v.role === "panelist" ? v.panelistId : undefined,
      }))
      .superRefine((v, ctx) => {
        const error = invitationLinkError(v.role, v);
        if (error) ctx.addIssue({ code: "custom", path: [error.field], message: error.message });
      })
  );
}
export type InvitationInput = z.output<ReturnType<typeof invitationSchema>>;

export const revokeInvitationSchema = z.object({ intent: z.literal("revoke"), invitationId: id });

export const userStatusSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"]),
  userId: id,
});

/** Everything the users page posts; an unknown or missing intent is invalid input. */
export function usersActionSchema(inviter: Role) {
  return z.discriminatedUnion("intent", [invitationSchema(inviter), revokeInvitationSchema, userStatusSchema], {
    error: "validation.invalid",
  });
}

/** What the prosecutors' invitations page posts: invite, or revoke one of their own. */
export function invitationsActionSchema(inviter: Role) {
  return z.discriminatedUnion("intent", [invitationSchema(inviter), revokeInvitationSchema], {
    error: "validation.invalid",
  });
}

// ───────── agencies ─────────

export const agencySchema = z.object({
  intent: z.literal("save"),
  id: optionalId,
  name: requiredText(60),
  shortName: optionalText(30),
  kind: z.enum(AGENCY_KINDS, { error: "validation.invalid" }).optional(),
  head: optionalText(40),
  address: optionalText(120),
  phone: optionalContactPhoneSchema,
  superiorAgencyId: optionalId,
  active: checkbox,
});
export type AgencyInput = z.infer<typeof agencySchema>;

// ───────── panelists ─────────

/** The panelist form; `today` (Asia/Shanghai) is the date the minimum age is checked on. */
export function panelistSchema(today: string) {
  return z
    .object({
      intent: z.literal("save"),
      id: optionalId,
      name: requiredText(40),
      gender: z.enum(GENDERS, { error: "validation.invalid" }).optional(),
      birthOn: z
        .string({ error: "admin.panelist.birthRequired" })
        .trim()
        .superRefine((v, ctx) => {
          if (!isRealDate(v)) ctx.addIssue({ code: "custom", message: "validation.date" });
          // 听证规定 Art 7: a panelist must be aged 23 or over.
          else if (!isOldEnough(v, today)) ctx.addIssue({ code: "custom", message: "admin.panelist.underAge" });
        }),
      category: panelistCategorySchema,
      workUnit: optionalText(100),
      title: optionalText(60),
      phone: optionalPhoneSchema,
      email: z.email("validation.invalid").max(120, "validation.tooLong").optional(),
      joinedOn: optionalIsoDateSchema,
      barred: checkbox,
      barredReason: optionalText(200),
      active: checkbox,
    })
    .superRefine((v, ctx) => {
      if (v.barred && !v.barredReason) {
        ctx.addIssue({ code: "custom", path: ["barredReason"], message: "admin.panelist.barredReasonRequired" });
      }
    });
}
export type PanelistInput = z.output<ReturnType<typeof panelistSchema>>;

export const affiliationSchema = z
  .object({
    intent: z.literal("addAffiliation"),
    panelistId: id,
    agencyId: optionalId,
    organisation: optionalText(100),
    relation: z.enum(AFFILIATION_RELATIONS, { error: "validation.required" }),
    sinceOn: optionalIsoDateSchema,
    untilOn: optionalIsoDateSchema,
  })
  .superRefine((v, ctx) => {
    if (!v.agencyId && !v.organisation) {
      ctx.addIssue({ code: "custom", path: ["organisation"], message: "admin.affiliation.organisationRequired" });
    }
    if (v.sinceOn && v.untilOn && v.untilOn < v.sinceOn) {
      ctx.addIssue({ code: "custom", path: ["untilOn"], message: "admin.affiliation.untilBeforeSince" });
    }
  });
export type AffiliationInput = z.infer<typeof affiliationSchema>;

export const removeAffiliationSchema = z.object({ intent: z.literal("removeAffiliation"), affiliationId: id });

export function panelistsActionSchema(today: string) {
  return z.discriminatedUnion("intent", [panelistSchema(today), affiliationSchema, removeAffiliationSchema], {
    error: "validation.invalid",
  });
}

// ───────── holidays ─────────

export const holidaySchema = z.object({
  intent: z.literal("add"),
  date: isoDateSchema,
  kind: z.enum(HOLIDAY_KINDS, { error: "validation.required" }),
  name: requiredText(40),
});
export type HolidayInput = z.infer<typeof holidaySchema>;

export const deleteHolidaySchema = z.object({ intent: z.literal("delete"), holidayId: id });

export const holidaysActionSchema = z.discriminatedUnion("intent", [holidaySchema, deleteHolidaySchema], {
  error: "validation.invalid",
});
