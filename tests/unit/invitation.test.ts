import { describe, expect, test } from "vitest";
import { invitationSchema, invitationsActionSchema, usersActionSchema } from "~/domain/admin/schemas";
import {
  canInvite,
  INVITATION_DAYS,
  invitableRoles,
  invitationDefaultsFrom,
  invitationExpiresAt,
  invitationLinkError,
  invitationState,
  isInvitationUsable,
} from "~/domain/auth/invitation";
import { ROLES } from "~/domain/auth/roles";

const NOW = new Date("2025-06-10T02:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe("invitationExpiresAt", () => {
  test("adds whole days to the moment of sending", () => {
    expect(invitationExpiresAt(NOW, 7).toISOString()).toBe("2025-06-17T02:00:00.000Z");
    expect(invitationExpiresAt(NOW, 1).getTime() - NOW.getTime()).toBe(DAY);
    expect(invitationExpiresAt(NOW, 14).getTime() - NOW.getTime()).toBe(14 * DAY);
  });

  test("refuses a validity outside 1–14 days or a fraction", () => {
    for (const days of [0, -1, 15, 30, 1.5, Number.NaN]) {
      expect(() => invitationExpiresAt(NOW, days)).toThrow(RangeError);
    }
  });

  test("the default sits inside the bounds", () => {
    expect(INVITATION_DAYS.default).toBeGreaterThanOrEqual(INVITATION_DAYS.min);
    expect(INVITATION_DAYS.default).toBeLessThanOrEqual(INVITATION_DAYS.max);
  });
});

describe("invitationState / isInvitationUsable", () => {
  const fresh = { expiresAt: new Date(NOW.getTime() + DAY), usedAt: null, revokedAt: null };

  test("an unused, unrevoked link before its expiry is usable", () => {
    expect(invitationState(fresh, NOW)).toBe("pending");
    expect(isInvitationUsable(fresh, NOW)).toBe(true);
  });

  test("a used link cannot be used again", () => {
    const used = { ...fresh, usedAt: NOW };
    expect(invitationState(used, NOW)).toBe("used");
    expect(isInvitationUsable(used, NOW)).toBe(false);
  });

  test("a revoked link is dead", () => {
    expect(isInvitationUsable({ ...fresh, revokedAt: NOW }, NOW)).toBe(false);
    expect(invitationState({ ...fresh, revokedAt: NOW }, NOW)).toBe("revoked");
  });

  test("a link stops working at the instant it expires", () => {
    const at = fresh.expiresAt;
    expect(isInvitationUsable(fresh, new Date(at.getTime() - 1))).toBe(true);
    expect(isInvitationUsable(fresh, at)).toBe(false);
    expect(invitationState(fresh, new Date(at.getTime() + 1))).toBe("expired");
  });

  test("used and revoked say what happened even after expiry", () => {
    const later = new Date(fresh.expiresAt.getTime() + DAY);
    expect(invitationState({ ...fresh, usedAt: NOW }, later)).toBe("used");
    expect(invitationState({ ...fresh, revokedAt: NOW }, later)).toBe("revoked");
  });
});

describe("who may invite whom", () => {
  test("an administrator may invite every role", () => {
    for (const role of ROLES) expect(canInvite("admin", role)).toBe(true);
    expect([...invitableRoles("admin")].sort()).toEqual([...ROLES].sort());
  });

  test("a prosecutor may invite only panelists and agency liaisons", () => {
    expect(canInvite("prosecutor", "panelist")).toBe(true);
    expect(canInvite("prosecutor", "agency")).toBe(true);
    for (const role of ["prosecutor", "approver", "admin"] as const) expect(canInvite("prosecutor", role)).toBe(false);
  });

  test("approvers, panelists and liaisons invite nobody", () => {
    for (const inviter of ["approver", "panelist", "agency"] as const) {
      expect(invitableRoles(inviter)).toEqual([]);
      for (const role of ROLES) expect(canInvite(inviter, role)).toBe(false);
    }
  });

  test("the prosecutor's form schema refuses staff roles", () => {
    const base = { intent: "invite", displayName: "张三", expiresInDays: 7 };
    expect(invitationSchema("prosecutor").safeParse({ ...base, role: "admin" }).success).toBe(false);
    expect(invitationSchema("prosecutor").safeParse({ ...base, role: "prosecutor" }).success).toBe(false);
    expect(invitationSchema("prosecutor").safeParse({ ...base, role: "panelist", panelistId: "p1" }).success).toBe(
      true
    );
    expect(invitationSchema("admin").safeParse({ ...base, role: "admin" }).success).toBe(true);
  });
});

describe("invitationLinkError", () => {
  test("an agency liaison needs an agency, a panelist a pool entry", () => {
    expect(invitationLinkError("agency", {})).toEqual({ field: "agencyId", message: "admin.invite.agencyRequired" });
    expect(invitationLinkError("panelist", {})).toEqual({
      field: "panelistId",
      message: "admin.invite.panelistRequired",
    });
    expect(invitationLinkError("agency", { agencyId: "a1" })).toBeNull();
    expect(invitationLinkError("panelist", { panelistId: "p1" })).toBeNull();
  });

  test("a staff account is linked to neither", () => {
    expect(invitationLinkError("prosecutor", {})).toBeNull();
    expect(invitationLinkError("admin", { agencyId: "a1" })?.field).toBe("agencyId");
    expect(invitationLinkError("approver", { panelistId: "p1" })?.field).toBe("panelistId");
    expect(invitationLinkError("agency", { agencyId: "a1", panelistId: "p1" })?.field).toBe("panelistId");
  });
});

describe("invitation form schema", () => {
  const schema = invitationSchema("admin");

  test("defaults to 7 days and keeps only the link the role needs", () => {
    const parsed = schema.parse({
      intent: "invite",
      role: "agency",
      displayName: "李四",
      agencyId: "a1",
      panelistId: "p1",
    });
    expect(parsed).toEqual({
      intent: "invite",
      role: "agency",
      displayName: "李四",
      agencyId: "a1",
      panelistId: undefined,
      expiresInDays: 7,
    });
  });

  test("a missing link is a field error on that field", () => {
    const result = schema.safeParse({ intent: "invite", role: "panelist", displayName: "王五" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["panelistId"], message: "admin.invite.panelistRequired" }),
    ]);
  });

  test("validity outside 1–14 days is refused", () => {
    for (const expiresInDays of [0, 15, 2.5]) {
      const result = schema.safeParse({ intent: "invite", role: "prosecutor", displayName: "赵六", expiresInDays });
      expect(result.error?.issues[0]).toMatchObject({ path: ["expiresInDays"], message: "admin.invite.daysRange" });
    }
  });

  test("the page schemas refuse an empty form and an unknown intent", () => {
    expect(usersActionSchema("admin").safeParse({}).success).toBe(false);
    expect(usersActionSchema("admin").safeParse({ intent: "drop" }).success).toBe(false);
    expect(invitationsActionSchema("prosecutor").safeParse({ intent: "deactivate", userId: "u1" }).success).toBe(false);
    expect(usersActionSchema("admin").safeParse({ intent: "deactivate", userId: "u1" }).success).toBe(true);
  });
});

describe("invitationDefaultsFrom", () => {
  const options = { agencies: [{ id: "a1", name: "县自然资源局" }], panelists: [{ id: "p1", name: "陈七" }] };

  test("a pool entry fills role, link and name", () => {
    expect(invitationDefaultsFrom(new URLSearchParams("panelist=p1"), options)).toEqual({
      role: "panelist",
      panelistId: "p1",
      displayName: "陈七",
    });
  });

  test("an agency fills role and link", () => {
    expect(invitationDefaultsFrom(new URLSearchParams("agency=a1"), options)).toEqual({
      role: "agency",
      agencyId: "a1",
    });
  });

  test("ids not offered, and unknown roles, are ignored", () => {
    expect(invitationDefaultsFrom(new URLSearchParams("panelist=other&agency=other"), options)).toEqual({});
    expect(invitationDefaultsFrom(new URLSearchParams("invite=approver"), options)).toEqual({ role: "approver" });
    expect(invitationDefaultsFrom(new URLSearchParams("invite=root"), options)).toEqual({});
  });
});
