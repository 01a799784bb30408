import { z } from "zod";

/** The five roles of DESIGN.md. Staff roles work in the staff area; the others in their portals. */
export const ROLES = ["prosecutor", "approver", "admin", "panelist", "agency"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const STAFF_ROLES = ["prosecutor", "approver", "admin"] as const satisfies readonly Role[];
export const EXTERNAL_ROLES = ["panelist", "agency"] as const satisfies readonly Role[];

export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  prosecutor: "/work",
  approver: "/approvals",
  admin: "/admin",
  panelist: "/panel",
  agency: "/agency",
};

/**
 * The scope an actor's queries are confined to. Staff see their procuratorate; a panelist sees
 * the hearings they sit on; an agency liaison sees what was served on their agency.
 */
export type Scope =
  | { kind: "procuratorate"; procuratorateId: string }
  | { kind: "panelist"; procuratorateId: string; panelistId: string }
  | { kind: "agency"; procuratorateId: string; agencyId: string };

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  procuratorateId: string;
  agencyId: string | null;
  panelistId: string | null;
};

/** Derives the scope from the actor; an external account without its link has no scope. */
export function scopeOf(actor: Actor): Scope | null {
  switch (actor.role) {
    case "prosecutor":
    case "approver":
    case "admin":
      return { kind: "procuratorate", procuratorateId: actor.procuratorateId };
    case "panelist":
      return actor.panelistId
        ? { kind: "panelist", procuratorateId: actor.procuratorateId, panelistId: actor.panelistId }
        : null;
    case "agency":
      return actor.agencyId
        ? { kind: "agency", procuratorateId: actor.procuratorateId, agencyId: actor.agencyId }
        : null;
  }
}
