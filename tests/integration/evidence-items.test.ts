import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieFor, createCase, request } from "#tests/factories";
import { action as newAction, loader as newLoader } from "~/routes/_staff.cases.$caseId.evidence_.new";
import { action as editAction, loader as editLoader } from "~/routes/_staff.cases.$caseId.evidence_.$evidenceId_.edit";
import { loader as itemLoader } from "~/routes/_staff.cases.$caseId.evidence_.$evidenceId";
import { loader as listLoader } from "~/routes/_staff.cases.$caseId.evidence";
import { prisma } from "~/utils/db.server";

// Registering and editing evidence items through the routes' actions on a copy of the seeded
// database: ordinals, collecting staff (规则 Art 36), custody and audit events, and refusals.

let prosecutor: string;
let chief: string;
let gui: string;
let me: string;
let colleague: string;
let outsider: string; // a prosecutor of 郴

const form = (over: Record<string, string | string[]> = {}) => {
  const fd = new FormData();
  const values: Record<string, string | string[]> = {
    kind: "audiovisual",
    title: "排污口现场照片",
    description: "拍摄排污口及下游水体",
    collectedOn: "2026-11-20",
    collectedPlace: "舂陵江支流排污口",
    collectorIds: [me, colleague],
    otherCollectors: "见证人：村委会主任李某",
    source: "collected",
    sourceNote: "现场拍摄",
    isOriginal: "original",
    ...over,
  };
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
};
const create = (caseId: string, fd: FormData, cookie = prosecutor) =>
  callAction(newAction, request(`/cases/${caseId}/evidence/new`, { cookie, form: fd }), { caseId });
const errorsOf = (res: RouteResult) => JSON.stringify(res.kind === "data" ? res.data : null);
const idFrom = (res: RouteResult) => /\/evidence\/([^/?]+)\?created=1$/.exec(res.kind === "response" ? (res.location ?? "") : "")?.[1];

beforeAll(async () => {
  prosecutor = await cookieFor("prosecutor");
  chief = await cookieFor("chief");
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  me = user.id;
  gui = user.procuratorateId!;
  colleague = (await prisma.user.findFirstOrThrow({ where: { procuratorateId: gui, role: "prosecutor", active: true, id: { not: me } } })).id;
  outsider = (await prisma.user.findFirstOrThrow({ where: { procuratorate: { shortName: "郴" }, role: "prosecutor" } })).id;
});

describe("registering an evidence item", () => {
  test("allocates the next ordinal, stores the collectors, a 'collected' custody event and the audit event", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const first = await create(kase.id, form());
    expect(first.status).toBe(302);
    const second = await create(kase.id, form({ title: "第二份证据", source: "agency_handover", collectorIds: [], sourceNote: "县水利局" }));
    expect(second.status).toBe(302);
    const items = await prisma.evidence.findMany({
      where: { caseId: kase.id },
      orderBy: { ordinal: "asc" },
      include: { collectors: true, custody: true },
    });
    expect(items.map((i) => [i.ordinal, i.title, i.source])).toEqual([
      [1, "排污口现场照片", "collected"],
      [2, "第二份证据", "agency_handover"],
    ]);
    expect(items[0]!.id).toBe(idFrom(first));
    expect(items[0]!.collectors.map((c) => c.userId).sort()).toEqual([me, colleague].sort());
    expect(items[0]!.collectedPlace).toBe("舂陵江支流排污口");
    expect(items[0]!.isOriginal).toBe(true);
    expect(items[0]!.custody.map((c) => [c.action, c.actorId, c.location])).toEqual([["collected", me, "舂陵江支流排污口"]]);
    expect(items[1]!.custody.map((c) => c.action)).toEqual(["received"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.create", entityId: items[0]!.id } });
    expect(audit.caseId).toBe(kase.id);
    expect(JSON.parse(audit.data!).after).toMatchObject({ ordinal: 1, title: "排污口现场照片", collectorIds: [me, colleague] });
  });

  test("refuses one collector for our own collection (400, 规则 Art 36), a collector of another procuratorate, bad input; writes nothing", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const one = await create(kase.id, form({ collectorIds: [me] }));
    expect(one.status).toBe(400);
    expect(errorsOf(one)).toContain("evidenceItems.validation.twoCollectors");
    const foreign = await create(kase.id, form({ collectorIds: [me, outsider] }));
    expect(foreign.status).toBe(400);
    expect(errorsOf(foreign)).toContain("evidenceItems.validation.collectorScope");
    expect((await create(kase.id, form({ kind: "rumour" }))).status).toBe(400);
    expect((await create(kase.id, form({ collectedOn: "2026-13-01" }))).status).toBe(400);
    expect(await prisma.evidence.count({ where: { caseId: kase.id } })).toBe(0);
    expect(await prisma.custodyEvent.count({ where: { evidence: { caseId: kase.id } } })).toBe(0);
  });

  test("refusals: the approver 403, another procuratorate's case 404, a closed case 409 with its message", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    expect((await create(kase.id, form(), chief)).status).toBe(403);
    expect((await callLoader(newLoader, request(`/cases/${kase.id}/evidence/new`, { cookie: chief }), { caseId: kase.id })).status).toBe(403);
    const theirs = await prisma.case.findFirstOrThrow({ where: { procuratorate: { shortName: "郴" } } });
    expect((await create(theirs.id, form())).status).toBe(404);
    const closed = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "closed" });
    const res = await create(closed.id, form());
    expect(res.status).toBe(409);
    expect(errorsOf(res)).toContain("evidenceItems.error.closed");
    expect(await prisma.evidence.count({ where: { caseId: { in: [kase.id, closed.id, theirs.id] }, title: "排污口现场照片" } })).toBe(0);
  });
});

describe("editing an evidence item", () => {
  test("records before and after of the changed fields only, replaces the collectors", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const id = idFrom(await create(kase.id, form()))!;
    const third = (await prisma.user.findFirstOrThrow({ where: { procuratorateId: gui, role: { in: ["prosecutor", "approver"] }, active: true, id: { notIn: [me, colleague] } } })).id;
    const path = `/cases/${kase.id}/evidence/${id}/edit`;
    const loaded = await callLoader(editLoader, request(path, { cookie: prosecutor }), { caseId: kase.id, evidenceId: id });
    expect(loaded.status).toBe(200);
    const res = await callAction(
      editAction,
      request(path, { cookie: prosecutor, form: form({ title: "排污口现场照片（补拍）", collectorIds: [me, third], containsPersonal: "on" }) }),
      { caseId: kase.id, evidenceId: id },
    );
    expect(res.status).toBe(302);
    const row = await prisma.evidence.findUniqueOrThrow({ where: { id }, include: { collectors: true } });
    expect(row.title).toBe("排污口现场照片（补拍）");
    expect(row.containsPersonal).toBe(true);
    expect(row.collectors.map((c) => c.userId).sort()).toEqual([me, third].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.update", entityId: id } });
    const { before, after } = JSON.parse(audit.data!) as { before: Record<string, unknown>; after: Record<string, unknown> };
    expect(Object.keys(after).sort()).toEqual(["collectorIds", "containsPersonal", "title"]);
    expect(before).toMatchObject({ title: "排污口现场照片", containsPersonal: false, collectorIds: [me, colleague].sort() });
    // The same form again changes nothing and records nothing.
    await callAction(
      editAction,
      request(path, { cookie: prosecutor, form: form({ title: "排污口现场照片（补拍）", collectorIds: [me, third], containsPersonal: "on" }) }),
      { caseId: kase.id, evidenceId: id },
    );
    expect(await prisma.auditEvent.count({ where: { action: "evidence.update", entityId: id } })).toBe(1);
  });

  test("refusals: an item of another case 404, a closed case 409, the approver 403", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const other = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const id = idFrom(await create(kase.id, form()))!;
    const edit = (caseId: string, cookie = prosecutor) =>
      callAction(editAction, request(`/cases/${caseId}/evidence/${id}/edit`, { cookie, form: form({ title: "改" }) }), { caseId, evidenceId: id });
    expect((await edit(other.id)).status).toBe(404);
    expect((await edit(kase.id, chief)).status).toBe(403);
    await prisma.case.update({ where: { id: kase.id }, data: { state: "closed" } });
    expect((await edit(kase.id)).status).toBe(409);
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).title).toBe("排污口现场照片");
  });

  test("while a hearing it is disclosed to deliberates, the personal-data flag is frozen (409); other fields still change", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const id = idFrom(await create(kase.id, form()))!;
    const hearing = await prisma.hearing.create({
      data: { procuratorateId: gui, title: "评议中的听证", venue: "检察听证室", startsAt: new Date(), hostId: me, status: "deliberating" },
    });
    await prisma.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId: id, disclosedById: me } });
    const edit = (over: Record<string, string | string[]>) =>
      callAction(editAction, request(`/cases/${kase.id}/evidence/${id}/edit`, { cookie: prosecutor, form: form(over) }), { caseId: kase.id, evidenceId: id });
    const refused = await edit({ containsPersonal: "on" });
    expect(refused.status).toBe(409);
    expect(errorsOf(refused)).toContain("evidenceItems.error.frozenByHearing");
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).containsPersonal).toBe(false);
    expect((await edit({ title: "排污口现场照片（更正）" })).status).toBe(302);
    // Once the panel has deliberated (concluded), the flag may change again.
    await prisma.hearing.update({ where: { id: hearing.id }, data: { status: "concluded" } });
    expect((await edit({ containsPersonal: "on" })).status).toBe(302);
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).containsPersonal).toBe(true);
  });
});

describe("the evidence pages read", () => {
  test("the list shows collectors and source; the item page its files and custody timeline in time order", async () => {
    const kase = await createCase({ procuratorateId: gui, leadProsecutorId: me, state: "investigating" });
    const id = idFrom(await create(kase.id, form()))!;
    const list = await callLoader(listLoader, request(`/cases/${kase.id}/evidence`, { cookie: chief }), { caseId: kase.id });
    const data = (list as { data: { evidence: { source: string; collectors: unknown[] }[]; mayCreate: boolean } }).data;
    expect(data.evidence[0]!.source).toBe("collected");
    expect(data.evidence[0]!.collectors).toHaveLength(2);
    expect(data.mayCreate).toBe(false); // the approver reads
    const item = await callLoader(itemLoader, request(`/cases/${kase.id}/evidence/${id}`, { cookie: prosecutor }), { caseId: kase.id, evidenceId: id });
    expect(item.status).toBe(200);
    const view = (item as { data: { item: { custody: { action: string }[] }; mayEdit: boolean } }).data;
    expect(view.item.custody.map((c) => c.action)).toEqual(["collected"]);
    expect(view.mayEdit).toBe(true);
    const theirs = await prisma.evidence.findFirstOrThrow({ where: { case: { procuratorate: { shortName: "郴" } } } });
    expect((await callLoader(itemLoader, request(`/cases/${kase.id}/evidence/${theirs.id}`, { cookie: prosecutor }), { caseId: kase.id, evidenceId: theirs.id })).status).toBe(404);
  });
});
