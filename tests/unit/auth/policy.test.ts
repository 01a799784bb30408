import { describe, expect, test } from "vitest";
import type { Permission } from "~/domain/auth/policy";
import { agencyScope, can, panelistScope, PERMISSIONS, permissionsOf, POLICY, staffScope } from "~/domain/auth/policy";
import type { Role, Scope } from "~/domain/auth/roles";
import { EXTERNAL_ROLES, ROLES } from "~/domain/auth/roles";

// The expected policy, written out by hand so that any change to POLICY has to be made twice,
// on purpose. Columns: prosecutor, approver, admin, panelist, agency.
const COLUMNS = ["prosecutor", "approver", "admin", "panelist", "agency"] as const satisfies readonly Role[];
type Row = readonly [0 | 1, 0 | 1, 0 | 1, 0 | 1, 0 | 1];
const EXPECTED: Record<string, Row> = {
  //                    pro app adm pan agy
  "staff:area":        [1,  1,  1,  0,  0],
  "case:read":         [1,  1,  0,  0,  0],
  "case:write":        [1,  0,  0,  0,  0],
  "clue:read":         [1,  1,  0,  0,  0],
  "clue:write":        [1,  0,  0,  0,  0],
  "clue:informant":    [1,  0,  0,  0,  0],
  "series:read":       [1,  1,  0,  0,  0],
  "hearing:read":      [1,  1,  0,  0,  0],
  "hearing:manage":    [1,  0,  0,  0,  0],
  "calendar:feed":     [1,  1,  0,  1,  0],
  "deadline:read":     [1,  1,  0,  0,  0],
  "work:read":         [1,  0,  0,  0,  0],
  "approval:read":     [1,  1,  0,  0,  0],
  "approval:queue":    [0,  1,  0,  0,  0],
  "approval:decide":   [0,  1,  0,  0,  0],
  "invitation:create": [1,  0,  1,  0,  0],
  "evidence:file":     [1,  1,  0,  1,  0],
  "evidence:verify":   [1,  0,  0,  0,  0],
  "evidence:custody":  [1,  0,  0,  0,  0],
  "document:preview":  [1,  1,  0,  0,  0],
  "document:issue":    [1,  0,  0,  0,  0],
  "document:download": [1,  1,  0,  0,  1],
  "service:record":    [1,  0,  0,  0,  0],
  "reply:file":        [1,  1,  0,  0,  1],
  "admin:read":        [0,  0,  1,  0,  0],
  "admin:manage":      [0,  0,  1,  0,  0],
  "panel:use":         [0,  0,  0,  1,  0],
  "agency:use":        [0,  0,  0,  0,  1],
  "agency:read":       [1,  1,  0,  0,  0],
  "notification:use":  [1,  1,  0,  0,  1],
  "agency:reply":      [0,  0,  0,  0,  1],
  "account:use":       [1,  1,  1,  1,  1],
};

describe("permission policy", () => {
  test("the expected table names exactly the permissions of POLICY", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
    expect(COLUMNS).toEqual([...ROLES]);
  });

  const pairs = Object.entries(EXPECTED).flatMap(([permission, row]) =>
    COLUMNS.map((role, i) => ({ permission: permission as Permission, role, allowed: row[i] === 1 })),
  );
  test.each(pairs)("$role · $permission → $allowed", ({ permission, role, allowed }) => {
    expect(can({ role }, permission)).toBe(allowed);
  });

  test("permissionsOf lists exactly the permissions can() grants", () => {
    for (const role of ROLES) {
      expect(permissionsOf(role)).toEqual(PERMISSIONS.filter((p) => can({ role }, p)));
    }
  });

  test("external roles get nothing of the staff or admin areas", () => {
    for (const role of EXTERNAL_ROLES) {
      const granted = permissionsOf(role);
      expect(granted.filter((p) => /^(staff|case|clue|series|hearing|deadline|approval|invitation|admin):/.test(p))).toEqual([]);
    }
  });

  test("every role listed in POLICY is a known role", () => {
    for (const roles of Object.values(POLICY)) {
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });
});

describe("scope narrowers", () => {
  const staff: Scope = { kind: "procuratorate", procuratorateId: "p" };
  const panelist: Scope = { kind: "panelist", procuratorateId: "p", panelistId: "pl" };
  const agency: Scope = { kind: "agency", procuratorateId: "p", agencyId: "ag" };
  const status = (fn: () => unknown) => {
    try {
      fn();
    } catch (thrown) {
      return thrown instanceof Response ? thrown.status : "threw something else";
    }
    return "no throw";
  };

  test("staffScope: the procuratorate of a staff scope, 403 for a portal scope", () => {
    expect(staffScope(staff)).toBe("p");
    expect(status(() => staffScope(panelist))).toBe(403);
    expect(status(() => staffScope(agency))).toBe(403);
  });

  test("agencyScope: the agency and its procuratorate, 403 for any other scope", () => {
    expect(agencyScope(agency)).toEqual({ procuratorateId: "p", agencyId: "ag" });
    expect(status(() => agencyScope(staff))).toBe(403);
    expect(status(() => agencyScope(panelist))).toBe(403);
  });

  test("panelistScope: the panelist and their procuratorate, 403 for any other scope", () => {
    expect(panelistScope(panelist)).toEqual({ procuratorateId: "p", panelistId: "pl" });
    expect(status(() => panelistScope(staff))).toBe(403);
    expect(status(() => panelistScope(agency))).toBe(403);
  });

  test("approval:queue: only approvers see the whole queue", () => {
    expect(ROLES.filter((role) => can({ role }, "approval:queue"))).toEqual(["approver"]);
  });
});
