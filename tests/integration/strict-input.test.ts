import { beforeAll, describe, expect, test } from "vitest";
import { callAction, cookieForUserId, createProcuratorate, createUser, request } from "#tests/factories";
import { action as agenciesAction } from "~/routes/_staff.admin.agencies";
import { action as holidaysAction } from "~/routes/_staff.admin.holidays";
import { action as panelistsAction } from "~/routes/_staff.admin.panelists";
import { action as profileAction } from "~/routes/_staff.admin.profile";
import { prisma } from "~/utils/db.server";

// Phone fields take only phone numbers (stored in one canonical form) and date fields only real
// calendar days: anything else answers 400 with the field's error and writes nothing (issue 5 §5).

let procuratorateId: string;
let cookie: string;

beforeAll(async () => {
  procuratorateId = (await createProcuratorate({ name: "严格输入测试县人民检察院", shortName: "严" })).id;
  const admin = await createUser({ role: "admin", procuratorateId });
  cookie = await cookieForUserId(admin.id);
});

const post = (action: Parameters<typeof callAction>[0], path: string, form: Record<string, string>) =>
  callAction(action, request(path, { cookie, form }));
const fieldErrors = (result: unknown) =>
  (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error;
const writes = () =>
  Promise.all([
    prisma.agency.count({ where: { procuratorateId } }),
    prisma.panelist.count({ where: { procuratorateId } }),
    prisma.holidayOverride.count(),
    prisma.auditEvent.count(),
  ]);

describe("admin forms refuse what is not a phone number or a calendar day", () => {
  test.each(["2023-02-30", "abc", "12345678901234", "+1 415 555 0100", "0735-1234567"])(
    "agency phone %s: 400, nothing written",
    async (phone) => {
      const before = await writes();
      const result = await post(agenciesAction, "/admin/agencies", { intent: "save", name: "严格县水利局", phone });
      expect(result.status).toBe(400);
      expect(fieldErrors(result).phone).toEqual(["validation.phone"]);
      expect(await writes()).toEqual(before);
    }
  );

  test.each([
    ["birthOn", "1975-02-30"],
    ["birthOn", "1975-13-01"],
    ["joinedOn", "2023-02-30"],
    ["joinedOn", "2023-13-01"],
  ])("panelist %s %s: 400, nothing written", async (field, value) => {
    const before = await writes();
    const result = await post(panelistsAction, "/admin/panelists", {
      intent: "save",
      name: "严格",
      category: "expert",
      birthOn: "1975-04-01",
      [field]: value,
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]).toEqual(["validation.date"]);
    expect(await writes()).toEqual(before);
  });

  test("panelist phone that is a date: 400, nothing written", async () => {
    const before = await writes();
    const result = await post(panelistsAction, "/admin/panelists", {
      intent: "save",
      name: "严格",
      category: "expert",
      birthOn: "1975-04-01",
      phone: "2023-02-30",
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).phone).toEqual(["validation.phone"]);
    expect(await writes()).toEqual(before);
  });

  test("holiday 2023-02-30: 400, nothing written", async () => {
    const before = await writes();
    const result = await post(holidaysAction, "/admin/holidays", { intent: "add", date: "2023-02-30", kind: "holiday", name: "不存在的日子" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).date).toEqual(["validation.date"]);
    expect(await writes()).toEqual(before);
  });

  test("profile phone that is not a number: 400, the profile unchanged", async () => {
    const before = await prisma.procuratorate.findUniqueOrThrow({ where: { id: procuratorateId } });
    const result = await post(profileAction, "/admin/profile", {
      name: "严格输入测试县人民检察院",
      shortName: "严",
      phone: "2023-02-30",
    });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).phone).toEqual(["validation.phone"]);
    expect(await prisma.procuratorate.findUniqueOrThrow({ where: { id: procuratorateId } })).toEqual(before);
  });
});

describe("phone numbers are stored in their canonical form", () => {
  test("an agency's +86 number and a panelist's spaced mobile", async () => {
    const agency = await post(agenciesAction, "/admin/agencies", { intent: "save", name: "严格县林业局", phone: "+86 735 4412345" });
    expect(agency.status).toBe(302);
    expect(await prisma.agency.findFirstOrThrow({ where: { procuratorateId, name: "严格县林业局" } })).toMatchObject({
      phone: "0735-4412345",
    });
    const panelist = await post(panelistsAction, "/admin/panelists", {
      intent: "save",
      name: "严正",
      category: "expert",
      birthOn: "1975-04-01",
      phone: "+86 138-0013-8000",
    });
    expect(panelist.status).toBe(302);
    expect(await prisma.panelist.findFirstOrThrow({ where: { procuratorateId, name: "严正" } })).toMatchObject({
      phone: "13800138000",
    });
  });

  test("the profile keeps the 12309 hotline", async () => {
    const result = await post(profileAction, "/admin/profile", {
      name: "严格输入测试县人民检察院",
      shortName: "严",
      phone: "0735 12309",
    });
    expect(result.status).toBe(302);
    expect(await prisma.procuratorate.findUniqueOrThrow({ where: { id: procuratorateId } })).toMatchObject({
      phone: "0735-12309",
    });
  });
});
