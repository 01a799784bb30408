import { describe, expect, test } from "vitest";
import type { Actor, Role } from "~/domain/auth/roles";
import { HOME_BY_ROLE, isStaff, ROLES, roleSchema, scopeOf } from "~/domain/auth/roles";

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  userId: "u1",
  username: "someone",
  displayName: "某人",
  role,
  procuratorateId: "p1",
  agencyId: null,
  panelistId: null,
  ...extra,
});

describe("scopeOf", () => {
  test.each(["prosecutor", "approver", "admin"] as const)("%s sees their procuratorate", (role) => {
    expect(scopeOf(actor(role))).toEqual({ kind: "procuratorate", procuratorateId: "p1" });
  });

  test("staff ignore stray agency or panelist links", () => {
    expect(scopeOf(actor("prosecutor", { agencyId: "a1", panelistId: "x1" }))).toEqual({
      kind: "procuratorate",
      procuratorateId: "p1",
    });
  });

  test("a panelist is scoped to their panelist entry", () => {
    expect(scopeOf(actor("panelist", { panelistId: "x1" }))).toEqual({
      kind: "panelist",
      procuratorateId: "p1",
      panelistId: "x1",
    });
  });

  test("an agency liaison is scoped to their agency", () => {
    expect(scopeOf(actor("agency", { agencyId: "a1" }))).toEqual({ kind: "agency", procuratorateId: "p1", agencyId: "a1" });
  });

  test("an external account without its link has no scope", () => {
    expect(scopeOf(actor("panelist"))).toBeNull();
    expect(scopeOf(actor("agency"))).toBeNull();
    expect(scopeOf(actor("panelist", { agencyId: "a1" }))).toBeNull();
    expect(scopeOf(actor("agency", { panelistId: "x1" }))).toBeNull();
  });
});

describe("roles", () => {
  test("HOME_BY_ROLE sends each role to its area", () => {
    expect(HOME_BY_ROLE).toEqual({
      prosecutor: "/work",
      approver: "/approvals",
      admin: "/admin",
      panelist: "/panel",
      agency: "/agency",
    });
    expect(Object.keys(HOME_BY_ROLE).sort()).toEqual([...ROLES].sort());
  });

  test("staff and external roles", () => {
    expect(ROLES.filter(isStaff)).toEqual(["prosecutor", "approver", "admin"]);
  });

  test("roleSchema accepts the five roles only", () => {
    for (const role of ROLES) expect(roleSchema.safeParse(role).success).toBe(true);
    for (const bad of ["", "root", "Prosecutor", null, 1]) expect(roleSchema.safeParse(bad).success).toBe(false);
  });
});
