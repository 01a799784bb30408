import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { PANELIST_CATEGORIES } from "~/domain/admin/schemas";
import { getAgency, saveAgency } from "~/models/agency.server";
import {
  addHolidayOverride,
  deleteHolidayOverride,
  holidayCoverage,
  listHolidayOverrides,
} from "~/models/holiday.server";
import { panelistsWithoutAccount, removeAffiliation } from "~/models/panelist.server";
import { adminOverview, getProcuratorateProfile, updateProcuratorateProfile } from "~/models/procuratorate.server";
import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import { listTemplatesByKind } from "~/models/template.server";
import { setUserActive } from "~/models/user.server";
import { action as agenciesAction } from "~/routes/_staff.admin.agencies";
import { action as holidaysAction } from "~/routes/_staff.admin.holidays";
import { action as panelistsAction, loader as panelistsLoader } from "~/routes/_staff.admin.panelists";
import { action as profileAction } from "~/routes/_staff.admin.profile";
import { action as usersAction } from "~/routes/_staff.admin.users";
import { prisma } from "~/utils/db.server";
import { getSessionUser } from "~/utils/session.server";

// Admin models and actions on a copy of the seeded database: every write is scoped to the
// procuratorate, audited, and refused with field errors (nothing written) on invalid input.

let procuratorateId: string;
let otherId: string;
let admin: { id: string };
let cookie: string;

beforeAll(async () => {
  procuratorateId = (await createProcuratorate({ name: "模型测试县人民检察院", shortName: "模" })).id;
  otherId = (await createProcuratorate()).id;
  admin = await createUser({ role: "admin", procuratorateId });
  cookie = await cookieForUserId(admin.id);
});

const auditCount = () => prisma.auditEvent.count();
const post = (action: Parameters<typeof callAction>[0], path: string, form: Record<string, string>) =>
  callAction(action, request(path, { cookie, form }));

/** Runs a model call that should throw the 404 Response. */
async function statusOfThrow(run: () => Promise<unknown>): Promise<number | null> {
  try {
    await run();
    return null;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("procuratorate profile", () => {
  test("saves, audits the change with old and new values, and skips an unchanged save", async () => {
    const before = await auditCount();
    await updateProcuratorateProfile(procuratorateId, admin.id, {
      name: "模型测试县人民检察院",
      shortName: "模",
      clueEvaluationDays: 30,
      phone: "0735-4412345",
    });
    const profile = await getProcuratorateProfile(procuratorateId);
    expect(profile).toMatchObject({ clueEvaluationDays: 30, phone: "0735-4412345", region: null });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "procuratorate.update", entityId: procuratorateId },
      orderBy: { seq: "desc" },
    });
    expect(JSON.parse(event.data!)).toEqual({
      clueEvaluationDays: { from: null, to: 30 },
      phone: { from: null, to: "0735-4412345" },
    });
    expect(await auditCount()).toBe(before + 1);

    await updateProcuratorateProfile(procuratorateId, admin.id, {
      name: "模型测试县人民检察院",
      shortName: "模",
      clueEvaluationDays: 30,
      phone: "0735-4412345",
    });
    expect(await auditCount()).toBe(before + 1);
  });

  test("the action answers 400 with field errors and writes nothing", async () => {
    const before = await auditCount();
    const result = await post(profileAction, "/admin/profile", { name: "", shortName: "模", clueEvaluationDays: "0" });
    expect(result.status).toBe(400);
    const error = (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error;
    expect(error.name).toEqual(["validation.required"]);
    expect(error.clueEvaluationDays).toEqual(["admin.profile.daysInvalid"]);
    expect(await auditCount()).toBe(before);
    expect((await getProcuratorateProfile(procuratorateId)).name).toBe("模型测试县人民检察院");
  });

  test("the action saves and clears the optional local rule", async () => {
    const result = await post(profileAction, "/admin/profile", {
      name: "模型测试县人民检察院",
      shortName: "模",
      clueEvaluationDays: "",
    });
    expect(result.status).toBe(302);
    expect((await getProcuratorateProfile(procuratorateId)).clueEvaluationDays).toBeNull();
  });
});

describe("agencies", () => {
  let governmentId: string;
  let bureauId: string;

  test("creates agencies, audited", async () => {
    const gov = await saveAgency(procuratorateId, admin.id, {
      intent: "save",
      name: "模型县人民政府",
      kind: "county_government",
      active: true,
    });
    if (!gov.ok) throw new Error(gov.message);
    governmentId = gov.id;
    const bureau = await saveAgency(procuratorateId, admin.id, {
      intent: "save",
      name: "模型县水利局",
      kind: "department",
      superiorAgencyId: governmentId,
      active: true,
    });
    if (!bureau.ok) throw new Error(bureau.message);
    bureauId = bureau.id;
    expect(await prisma.auditEvent.count({ where: { action: "agency.create", entityId: bureauId } })).toBe(1);
  });

  test("the name is unique per procuratorate, but another procuratorate may use it", async () => {
    expect(await saveAgency(procuratorateId, admin.id, { intent: "save", name: "模型县水利局", active: true })).toEqual(
      {
        ok: false,
        field: "name",
        message: "admin.agency.nameTaken",
      }
    );
    // Saving an agency under its own name is not a clash.
    expect(
      await saveAgency(procuratorateId, admin.id, {
        intent: "save",
        id: bureauId,
        name: "模型县水利局",
        superiorAgencyId: governmentId,
        active: true,
      })
    ).toMatchObject({ ok: true });
    expect(await saveAgency(otherId, admin.id, { intent: "save", name: "模型县水利局", active: true })).toMatchObject({
      ok: true,
    });
  });

  test("a superior must be of the same procuratorate and not below the agency", async () => {
    expect(
      await saveAgency(procuratorateId, admin.id, {
        intent: "save",
        id: governmentId,
        name: "模型县人民政府",
        superiorAgencyId: bureauId,
        active: true,
      })
    ).toMatchObject({
      ok: false,
      field: "superiorAgencyId",
      message: "admin.agency.superiorCycle",
    });
    const foreign = await prisma.agency.create({ data: { procuratorateId: otherId, name: "外院机关" } });
    expect(
      await saveAgency(procuratorateId, admin.id, {
        intent: "save",
        name: "模型县林业局",
        superiorAgencyId: foreign.id,
        active: true,
      })
    ).toMatchObject({
      ok: false,
      message: "admin.agency.superiorUnknown",
    });
  });

  test("another procuratorate's agency is not found (404)", async () => {
    const foreign = await prisma.agency.findFirstOrThrow({ where: { procuratorateId: otherId, name: "外院机关" } });
    expect(await statusOfThrow(() => getAgency(procuratorateId, foreign.id))).toBe(404);
    expect(
      await statusOfThrow(() =>
        saveAgency(procuratorateId, admin.id, { intent: "save", id: foreign.id, name: "改名", active: true })
      )
    ).toBe(404);
    expect((await prisma.agency.findUniqueOrThrow({ where: { id: foreign.id } })).name).toBe("外院机关");
  });

  test("the action answers 400 on a duplicate name and an empty form", async () => {
    const before = await auditCount();
    const dup = await post(agenciesAction, "/admin/agencies", { intent: "save", name: "模型县水利局" });
    expect(dup.status).toBe(400);
    expect((dup as { data: { result: { error: Record<string, string[]> } } }).data.result.error.name).toEqual([
      "admin.agency.nameTaken",
    ]);
    expect((await post(agenciesAction, "/admin/agencies", {})).status).toBe(400);
    expect(await auditCount()).toBe(before);
  });
});

describe("panelists", () => {
  test("refuses someone under 23 (听证规定 Art 7) with 400 and writes nothing", async () => {
    const before = await prisma.panelist.count({ where: { procuratorateId } });
    const young = new Date();
    young.setFullYear(young.getFullYear() - 20);
    const result = await post(panelistsAction, "/admin/panelists", {
      intent: "save",
      name: "年轻人",
      category: "volunteer",
      birthOn: young.toISOString().slice(0, 10),
    });
    expect(result.status).toBe(400);
    expect((result as { data: { result: { error: Record<string, string[]> } } }).data.result.error.birthOn).toEqual([
      "admin.panelist.underAge",
    ]);
    expect(await prisma.panelist.count({ where: { procuratorateId } })).toBe(before);
  });

  test("adds a panelist with an affiliation; the list shows age, eligibility and account status", async () => {
    const saved = await post(panelistsAction, "/admin/panelists", {
      intent: "save",
      name: "郑十",
      category: "expert",
      birthOn: "1975-04-01",
      workUnit: "模型县某设计院",
      active: "on",
    });
    expect(saved.status).toBe(302);
    const panelist = await prisma.panelist.findFirstOrThrow({ where: { procuratorateId, name: "郑十" } });
    const agency = await prisma.agency.findFirstOrThrow({ where: { procuratorateId, name: "模型县水利局" } });
    const added = await post(panelistsAction, "/admin/panelists", {
      intent: "addAffiliation",
      panelistId: panelist.id,
      agencyId: agency.id,
      relation: "family",
    });
    expect(added.status).toBe(302);
    const affiliation = await prisma.panelistAffiliation.findFirstOrThrow({ where: { panelistId: panelist.id } });
    expect(affiliation).toMatchObject({ organisation: "模型县水利局", agencyId: agency.id, relation: "family" });

    const page = await callLoader(panelistsLoader, request("/admin/panelists?category=expert", { cookie }));
    const rows = (
      page as {
        data: {
          panelists: {
            name: string;
            eligibility: { eligible: boolean; age: number | null };
            user: unknown;
            affiliations: unknown[];
          }[];
        };
      }
    ).data.panelists;
    const row = rows.find((r) => r.name === "郑十")!;
    expect(row.eligibility.eligible).toBe(true);
    expect(row.eligibility.age).toBeGreaterThanOrEqual(49);
    expect(row.user).toBeNull();
    expect(row.affiliations).toHaveLength(1);
    expect((await panelistsWithoutAccount(procuratorateId)).map((p) => p.name)).toContain("郑十");
  });

  test("an affiliation needs an agency or an organisation; another procuratorate's affiliation is not found", async () => {
    const panelist = await prisma.panelist.findFirstOrThrow({ where: { procuratorateId, name: "郑十" } });
    const missing = await post(panelistsAction, "/admin/panelists", {
      intent: "addAffiliation",
      panelistId: panelist.id,
      relation: "employee",
    });
    expect(missing.status).toBe(400);

    const foreignPanelist = await prisma.panelist.create({
      data: { procuratorateId: otherId, name: "外院", category: "other" },
    });
    const foreignAffiliation = await prisma.panelistAffiliation.create({
      data: { panelistId: foreignPanelist.id, organisation: "某单位", relation: "employee" },
    });
    expect(await statusOfThrow(() => removeAffiliation(procuratorateId, admin.id, foreignAffiliation.id))).toBe(404);
    expect(await prisma.panelistAffiliation.count({ where: { id: foreignAffiliation.id } })).toBe(1);
  });
});

describe("holidays", () => {
  test("coverage: packaged years, and this year and the next when they have no data", async () => {
    const coverage = await holidayCoverage(procuratorateId, "2029-05-01");
    expect(coverage.packagedFrom).toBe(2004);
    expect(coverage.packagedTo).toBeGreaterThanOrEqual(2026);
    expect(coverage.years.find((y) => y.year === 2025)).toMatchObject({ packaged: true });
    expect(coverage.needsEntries).toEqual([2029, 2030]);

    const added = await addHolidayOverride(procuratorateId, admin.id, {
      intent: "add",
      date: "2029-10-01",
      kind: "holiday",
      name: "国庆节",
    });
    expect(added.ok).toBe(true);
    const after = await holidayCoverage(procuratorateId, "2029-05-01");
    expect(after.needsEntries).toEqual([2030]);
    expect(after.years.find((y) => y.year === 2029)).toMatchObject({ packaged: false, manual: 1, covered: true });
    // Another procuratorate's entries do not count here.
    expect((await holidayCoverage(otherId, "2029-05-01")).needsEntries).toEqual([2029, 2030]);
  });

  test("one entry per date; the list says what the packaged data says", async () => {
    expect(
      await addHolidayOverride(procuratorateId, admin.id, {
        intent: "add",
        date: "2029-10-01",
        kind: "workday",
        name: "重复",
      })
    ).toEqual({
      ok: false,
      field: "date",
      message: "admin.holiday.dateTaken",
    });
    await addHolidayOverride(procuratorateId, admin.id, {
      intent: "add",
      date: "2025-10-01",
      kind: "holiday",
      name: "国庆节",
    });
    const rows = await listHolidayOverrides(procuratorateId);
    expect(rows.find((r) => r.date === "2025-10-01")?.packaged).toMatchObject({
      known: true,
      working: false,
      nameZh: "国庆节",
    });
    expect(rows.find((r) => r.date === "2029-10-01")?.packaged.known).toBe(false);
  });

  test("deleting: own rows only; the action answers 400 on an empty form", async () => {
    const foreign = await prisma.holidayOverride.create({
      data: { procuratorateId: otherId, date: "2029-10-02", kind: "holiday", name: "外院" },
    });
    expect(await statusOfThrow(() => deleteHolidayOverride(procuratorateId, admin.id, foreign.id))).toBe(404);
    const global = await prisma.holidayOverride.findFirst({ where: { procuratorateId: null } });
    if (global)
      expect(await statusOfThrow(() => deleteHolidayOverride(procuratorateId, admin.id, global.id))).toBe(404);

    expect((await post(holidaysAction, "/admin/holidays", {})).status).toBe(400);
    const own = await prisma.holidayOverride.findFirstOrThrow({ where: { procuratorateId, date: "2029-10-01" } });
    const deleted = await post(holidaysAction, "/admin/holidays", { intent: "delete", holidayId: own.id });
    expect(deleted.status).toBe(200);
    expect(await prisma.holidayOverride.count({ where: { id: own.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "holiday.delete", entityId: own.id } })).toBe(1);
  });
});

describe("users", () => {
  test("deactivating revokes the user's sessions; reactivating lets them in again", async () => {
    const clerk = await createUser({ role: "prosecutor", procuratorateId });
    const clerkCookie = await cookieForUserId(clerk.id);
    expect(await getSessionUser(request("/", { cookie: clerkCookie }))).not.toBeNull();

    const result = await post(usersAction, "/admin/users", { intent: "deactivate", userId: clerk.id });
    expect(result.status).toBe(200);
    expect(await prisma.session.count({ where: { userId: clerk.id, revokedAt: null } })).toBe(0);
    expect(await getSessionUser(request("/", { cookie: clerkCookie }))).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: clerk.id } })).active).toBe(false);

    expect((await post(usersAction, "/admin/users", { intent: "reactivate", userId: clerk.id })).status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: clerk.id } })).active).toBe(true);
  });

  test("an administrator cannot deactivate themselves (400), nor a user of another procuratorate (404)", async () => {
    expect((await post(usersAction, "/admin/users", { intent: "deactivate", userId: admin.id })).status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);

    const foreign = await createUser({ role: "prosecutor", procuratorateId: otherId });
    expect(await setUserActive(procuratorateId, admin.id, foreign.id, false)).toBeNull();
    expect((await post(usersAction, "/admin/users", { intent: "deactivate", userId: foreign.id })).status).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: foreign.id } })).active).toBe(true);
  });
});

describe("overview and templates", () => {
  test("counts what exists, by role and category", async () => {
    const overview = await adminOverview(procuratorateId);
    expect(overview.procuratorate.shortName).toBe("模");
    expect(overview.usersByRole.find((r) => r.role === "admin")?.active).toBe(1);
    expect(overview.panelistsByCategory.map((c) => c.category)).toEqual([...PANELIST_CATEGORIES]);
    expect(overview.panelistsByCategory.find((c) => c.category === "expert")?.count).toBe(1);
    expect(overview.agencies.active).toBe(2);
  });

  test("every document type is listed; without templates each says none", async () => {
    const kinds = await listTemplatesByKind(procuratorateId);
    expect(kinds.map((k) => k.kind).slice(0, DOCUMENT_KINDS.length)).toEqual([...DOCUMENT_KINDS]);
    const packaged = await prisma.documentTemplate.count({ where: { procuratorateId: null } });
    if (packaged === 0) expect(kinds.every((k) => k.template === null)).toBe(true);
  });
});
