import type { Role } from "~/domain/auth/roles";
import { ROLES, roleSchema } from "~/domain/auth/roles";

/**
 * One-time invitation links (DESIGN.md: external users get accounts through a link a prosecutor or
 * an administrator sends; nobody shares passwords). Pure rules: who may invite whom, when a link
 * expires, and whether a stored invitation may still be used.
 */

/** How long a link stays valid, in days: chosen by the sender within these bounds. */
export const INVITATION_DAYS = { min: 1, max: 14, default: 7 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a link sent at `now` for `days` days stops working. */
export function invitationExpiresAt(now: Date, days: number): Date {
  if (!Number.isInteger(days) || days < INVITATION_DAYS.min || days > INVITATION_DAYS.max) {
    throw new RangeError(`invitation validity must be ${INVITATION_DAYS.min}–${INVITATION_DAYS.max} days`);
  }
  return new Date(now.getTime() + days * DAY_MS);
}

export type InvitationLike = {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

export const INVITATION_STATES = ["pending", "used", "revoked", "expired"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** Used and revoked win over expired: they say what happened, expiry only what did not. */
export function invitationState(inv: InvitationLike, now: Date): InvitationState {
  if (inv.usedAt) return "used";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** A link may be used once, before it expires, unless it was revoked. */
export function isInvitationUsable(inv: InvitationLike, now: Date): boolean {
  return invitationState(inv, now) === "pending";
}

/**
 * Who may invite whom. An administrator may create any account; a prosecutor only brings in the
 * outside people a case needs: a panelist (听证员) or an agency liaison (行政机关联络人).
 */
const INVITABLE: Record<Role, readonly Role[]> = {
  admin: ROLES,
  prosecutor: ["panelist", "agency"],
  approver: [],
  panelist: [],
  agency: [],
};

export function invitableRoles(inviter: Role): readonly Role[] {
  return INVITABLE[inviter];
}

export function canInvite(inviter: Role, target: Role): boolean {
  return INVITABLE[inviter].includes(target);
}

/**
 * An invitation for an external role must name what the account acts for: the agency of a
 * liaison, the pool entry of a panelist; a staff account names neither. Returns the field at fault
 * and the i18n key of the message, or null when the links fit the role.
 */
export function invitationLinkError(
  role: Role,
  links: { agencyId?: string | null; panelistId?: string | null }
): { field: "agencyId" | "panelistId"; message: string } | null {
  if (role === "agency" && !links.agencyId) return { field: "agencyId", message: "admin.invite.agencyRequired" };
  if (role === "panelist" && !links.panelistId) {
    return { field: "panelistId", message: "admin.invite.panelistRequired" };
  }
  if (role !== "agency" && links.agencyId) return { field: "agencyId", message: "admin.invite.agencyNotForRole" };
  if (role !== "panelist" && links.panelistId) {
    return { field: "panelistId", message: "admin.invite.panelistNotForRole" };
  }
  return null;
}

/**
 * What the invitation form starts with when opened from another page: `?panelist=<id>` from the
 * panel pool (the name fills in), `?agency=<id>` from the agency list, `?invite=<role>`. Ids that
 * are not among the offered options are ignored.
 */
export function invitationDefaultsFrom(
  params: URLSearchParams,
  options: { agencies: readonly { id: string; name: string }[]; panelists: readonly { id: string; name: string }[] }
): { role?: Role; displayName?: string; agencyId?: string; panelistId?: string } {
  const panelist = options.panelists.find((p) => p.id === params.get("panelist"));
  if (panelist) return { role: "panelist", panelistId: panelist.id, displayName: panelist.name };
  const agency = options.agencies.find((a) => a.id === params.get("agency"));
  if (agency) return { role: "agency", agencyId: agency.id };
  const role = roleSchema.safeParse(params.get("invite"));
  return role.success ? { role: role.data } : {};
}
