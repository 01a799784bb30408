import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieForUserId, createCase, createProcuratorate, createUser, request } from "#tests/factories";
import { EXHIBIT_ITEMS_MAX } from "~/domain/evidence/exhibit-list";
import { exhibitList } from "~/models/exhibit-list.server";
import { loader as exhibitsLoader } from "~/routes/_staff.cases.$caseId.exhibits";
import { action as discloseAction, loader as evidenceLoader } from "~/routes/_staff.hearings.$hearingId.evidence";
import { loader as panelLoader } from "~/routes/panel.hearings.$hearingId";
import { prisma } from "~/utils/db.server";

// Disclosure of evidence to a hearing's panel (听证规定 Art 11) from the hearing's evidence tab,
// what the panel portal then lists (never an original of a personal-data item), and the exhibit
// list (证据清单) of a case.

const DAY = 86_400_000;
let P: string;
let prosecutor: { id: string };
let approver: { id: string };
let seated: { id: string; panelistId: string | null };
let unseated: { id: string; panelistId: string | null };
type Key =
  | "caseA"
  | "caseD"
  | "plain"
  | "plainFile"
  | "bare"
  | "bareFile"
  | "redacted"
  | "redactedOriginal"
  | "redactedCopy"
  | "otherCase"
  | "foreign"
  | "hearing"
  | "deliberating"
  | "foreignHearing";
const ids = {} as Record<Key, string>;

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

async function item(caseId: string, ordinal: number, title: string, containsPersonal: boolean, collectorIds: string[] = []) {
  const e = await prisma.evidence.create({
    data: {
      caseId,
      ordinal,
      title,
      kind: "audiovisual",
      containsPersonal,
      createdById: prosecutor.id,
      collectedOn: "2026-10-09",
      collectedPlace: "桂阳县欧阳海河段",
      otherCollectors: "李监测",
      collectors: { create: collectorIds.map((userId) => ({ userId })) },
    },
  });
  return e.id;
}

async function file(evidenceId: string, name: string, redactionOfId: string | null = null) {
  const f = await prisma.evidenceFile.create({
    data: {
      evidenceId,
      sha256: sha(`${name}-${randomUUID()}`),
      size: 1234n,
      mimeType: "image/jpeg",
      originalName: name,
      redactionOfId,
      uploadedById: prosecutor.id,
    },
  });
  return f.id;
}

async function hearing(procuratorateId: string, hostId: string, status: string, caseIds: string[]) {
  const h = await prisma.hearing.create({
    data: {
      procuratorateId,
      title: `公开测试听证 ${randomUUID().slice(0, 6)}`,
      venue: "检察听证室",
      startsAt: new Date(Date.now() + 10 * DAY),
      status,
      hostId,
      cases: { create: caseIds.map((caseId, i) => ({ caseId, ordinal: i + 1 })) },
    },
  });
  return h.id;
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "公开测试县人民检察院", shortName: "公" })).id;
  const Q = (await createProcuratorate({ name: "公开测试他院", shortName: "他" })).id;
  prosecutor = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "周立新" });
  const colleague = await createUser({ role: "prosecutor", procuratorateId: P, displayName: "陈雨桐" });
  approver = await createUser({ role: "approver", procuratorateId: P });
  seated = await createUser({ role: "panelist", procuratorateId: P });
  unseated = await createUser({ role: "panelist", procuratorateId: P });
  const qProsecutor = await createUser({ role: "prosecutor", procuratorateId: Q });

  const a = await createCase({ procuratorateId: P, leadProsecutorId: prosecutor.id });
  const b = await createCase({ procuratorateId: P, leadProsecutorId: prosecutor.id });
  const c = await createCase({ procuratorateId: P, leadProsecutorId: prosecutor.id });
  const d = await createCase({ procuratorateId: Q, leadProsecutorId: qProsecutor.id });
  ids.caseA = a.id;
  ids.caseD = d.id;
  ids.plain = await item(a.id, 1, "排污口照片", false, [prosecutor.id, colleague.id]);
  ids.plainFile = await file(ids.plain, "outfall.jpg");
  ids.bare = await item(a.id, 2, "举报人笔录", true);
  ids.bareFile = await file(ids.bare, "statement.jpg");
  ids.redacted = await item(b.id, 1, "证人证言", true);
  ids.redactedOriginal = await file(ids.redacted, "witness.jpg");
  ids.redactedCopy = await file(ids.redacted, "witness-redacted.jpg", ids.redactedOriginal);
  ids.otherCase = await item(c.id, 1, "他案证据", false);
  ids.foreign = await item(d.id, 1, "他院证据", false);

  ids.hearing = await hearing(P, prosecutor.id, "planned", [a.id, b.id]);
  ids.deliberating = await hearing(P, prosecutor.id, "deliberating", [a.id]);
  ids.foreignHearing = await hearing(Q, qProsecutor.id, "planned", [d.id]);
  // Signed: the briefing (and its evidence) opens once the no-conflict declaration is signed (issue 9).
  await prisma.hearingPanelist.create({ data: { hearingId: ids.hearing, panelistId: seated.panelistId!, declaredAt: new Date() } });
});

function form(shown: string[], disclose: string[]) {
  const fd = new FormData();
  for (const id of shown) fd.append("shown", id);
  for (const id of disclose) fd.append("disclose", id);
  return fd;
}

async function post(hearingId: string, shown: string[], disclose: string[], userId = prosecutor.id) {
  const cookie = await cookieForUserId(userId);
  return callAction(discloseAction, request(`/hearings/${hearingId}/evidence`, { cookie, form: form(shown, disclose) }), { hearingId });
}

const snapshot = async () => ({
  disclosed: await prisma.hearingEvidence.count(),
  custody: await prisma.custodyEvent.count(),
  audit: await prisma.auditEvent.count(),
});

const dataOf = (r: Awaited<ReturnType<typeof post>>) => (r.kind === "data" ? r.data : null) as Record<string, unknown>;

describe("disclosing evidence to a hearing", () => {
  test("the tab lists the hearing's cases' items with the files the panel will see", async () => {
    const cookie = await cookieForUserId(prosecutor.id);
    const res = await callLoader(evidenceLoader, request(`/hearings/${ids.hearing}/evidence`, { cookie }), { hearingId: ids.hearing });
    expect(res.status).toBe(200);
    const d = dataOf(res) as { hearing: { open: boolean }; mayEdit: boolean; cases: { items: { id: string; needsRedaction: boolean; files: { id: string; panelSees: boolean }[] }[] }[] };
    expect(d.hearing.open).toBe(true);
    expect(d.mayEdit).toBe(true);
    const items = d.cases.flatMap((c) => c.items);
    expect(items.map((i) => i.id).sort()).toEqual([ids.plain, ids.bare, ids.redacted].sort());
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId[ids.bare]!.needsRedaction).toBe(true);
    expect(byId[ids.redacted]!.needsRedaction).toBe(false);
    expect(byId[ids.redacted]!.files).toEqual([
      expect.objectContaining({ id: ids.redactedOriginal, panelSees: false }),
      expect.objectContaining({ id: ids.redactedCopy, panelSees: true }),
    ]);
    expect(byId[ids.plain]!.files).toEqual([expect.objectContaining({ id: ids.plainFile, panelSees: true })]);
  });

  test("disclosing writes HearingEvidence, a 'disclosed' custody event and an audit event per item", async () => {
    const before = await snapshot();
    const res = await post(ids.hearing, [ids.plain, ids.redacted], [ids.plain, ids.redacted]);
    expect(res.status).toBe(200);
    expect(dataOf(res).saved).toEqual({ added: 2, withdrawn: 0 });
    const rows = await prisma.hearingEvidence.findMany({ where: { hearingId: ids.hearing } });
    expect(rows.map((r) => r.evidenceId).sort()).toEqual([ids.plain, ids.redacted].sort());
    expect(rows.every((r) => r.disclosedById === prosecutor.id)).toBe(true);
    for (const evidenceId of [ids.plain, ids.redacted]) {
      const custody = await prisma.custodyEvent.findMany({ where: { evidenceId, action: "disclosed" } });
      expect(custody).toHaveLength(1);
      expect(custody[0]!.actorId).toBe(prosecutor.id);
      const audit = await prisma.auditEvent.findMany({ where: { action: "evidence.disclose", entityId: evidenceId } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.procuratorateId).toBe(P);
      expect(JSON.parse(audit[0]!.data!)).toMatchObject({ hearingId: ids.hearing, before: null });
    }
    const after = await snapshot();
    expect(after).toEqual({ disclosed: before.disclosed + 2, custody: before.custody + 2, audit: before.audit + 2 });

    // The same form again changes nothing.
    const again = await post(ids.hearing, [ids.plain, ids.redacted], [ids.plain, ids.redacted]);
    expect(dataOf(again).saved).toEqual({ added: 0, withdrawn: 0 });
    expect(await snapshot()).toEqual(after);
  });

  test("the seated panelist sees the disclosed items' allowed files, never a personal-data item's original", async () => {
    const cookie = await cookieForUserId(seated.id);
    const res = await callLoader(panelLoader, request(`/panel/hearings/${ids.hearing}`, { cookie }), { hearingId: ids.hearing });
    expect(res.status).toBe(200);
    const d = dataOf(res) as { hearing: { cases: { evidence: { id: string; files: { id: string; redacted: boolean }[] }[] }[] } };
    const evidence = d.hearing.cases.flatMap((c) => c.evidence);
    const byId = Object.fromEntries(evidence.map((e) => [e.id, e]));
    expect(Object.keys(byId).sort()).toEqual([ids.plain, ids.redacted].sort());
    expect(byId[ids.plain]!.files.map((f) => f.id)).toEqual([ids.plainFile]);
    expect(byId[ids.redacted]!.files).toEqual([expect.objectContaining({ id: ids.redactedCopy, redacted: true })]);
    const json = JSON.stringify(res.kind === "data" ? res.data : null);
    expect(json).not.toContain(ids.redactedOriginal);
    expect(json).not.toContain(ids.bareFile);
    expect(json).toContain(ids.redactedCopy);
  });

  test("a panelist not seated on the hearing gets 404 and no files", async () => {
    const cookie = await cookieForUserId(unseated.id);
    const res = await callLoader(panelLoader, request(`/panel/hearings/${ids.hearing}`, { cookie }), { hearingId: ids.hearing });
    expect(res.status).toBe(404);
    expect(res.kind === "data" ? JSON.stringify(res.data) : "").not.toContain(ids.plainFile);
  });

  test("withdrawing deletes HearingEvidence and writes an audit event; the custody chain keeps the disclosure", async () => {
    const before = await snapshot();
    const res = await post(ids.hearing, [ids.plain, ids.redacted], [ids.redacted]);
    expect(res.status).toBe(200);
    expect(dataOf(res).saved).toEqual({ added: 0, withdrawn: 1 });
    expect(await prisma.hearingEvidence.findUnique({ where: { hearingId_evidenceId: { hearingId: ids.hearing, evidenceId: ids.plain } } })).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.withdraw", entityId: ids.plain } });
    expect(JSON.parse(audit.data!)).toMatchObject({ hearingId: ids.hearing, after: null, before: { disclosedById: prosecutor.id } });
    expect(await snapshot()).toEqual({ disclosed: before.disclosed - 1, custody: before.custody, audit: before.audit + 1 });
    // The panel no longer lists it.
    const cookie = await cookieForUserId(seated.id);
    const portal = await callLoader(panelLoader, request(`/panel/hearings/${ids.hearing}`, { cookie }), { hearingId: ids.hearing });
    expect(JSON.stringify(portal.kind === "data" ? portal.data : null)).not.toContain(ids.plainFile);
  });

  test("a personal-data item without a redacted copy is refused with a link target, and nothing is written", async () => {
    const before = await snapshot();
    const res = await post(ids.hearing, [ids.plain, ids.bare, ids.redacted], [ids.plain, ids.bare, ids.redacted]);
    expect(res.status).toBe(409);
    const d = dataOf(res) as { needsRedaction: { id: string; caseId: string }[]; result: { error: Record<string, string[]> } };
    expect(d.needsRedaction).toEqual([expect.objectContaining({ id: ids.bare, caseId: ids.caseA, ordinal: 2 })]);
    expect(d.result.error[""]).toEqual(["evidenceDisclosure.error.needsRedaction"]);
    expect(await snapshot()).toEqual(before);
  });

  test("an item of a case not on the hearing, or of another procuratorate, answers 404 and writes nothing", async () => {
    const before = await snapshot();
    expect((await post(ids.hearing, [ids.otherCase], [ids.otherCase])).status).toBe(404);
    expect((await post(ids.hearing, [ids.plain, ids.foreign], [ids.plain, ids.foreign])).status).toBe(404);
    // Another procuratorate's hearing.
    expect((await post(ids.foreignHearing, [ids.foreign], [ids.foreign])).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  test("once the hearing is in deliberation the form is read-only and a POST answers 409", async () => {
    const cookie = await cookieForUserId(prosecutor.id);
    const page = await callLoader(evidenceLoader, request(`/hearings/${ids.deliberating}/evidence`, { cookie }), {
      hearingId: ids.deliberating,
    });
    expect((dataOf(page) as { hearing: { open: boolean } }).hearing.open).toBe(false);
    const before = await snapshot();
    const res = await post(ids.deliberating, [ids.plain], [ids.plain]);
    expect(res.status).toBe(409);
    expect((dataOf(res) as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["evidenceDisclosure.error.frozen"]);
    expect(await snapshot()).toEqual(before);
  });

  test("an approver reads the tab but may not change it (403)", async () => {
    const before = await snapshot();
    expect((await post(ids.hearing, [ids.plain], [ids.plain], approver.id)).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });
});

describe("exhibit list (证据清单)", () => {
  test("lists the case's items with collectors, file names and full SHA-256", async () => {
    const { rows } = await exhibitList(P, ids.caseA);
    expect(rows.map((r) => r.ordinal)).toEqual([1, 2]);
    const cookie = await cookieForUserId(prosecutor.id);
    const res = await callLoader(exhibitsLoader, request(`/cases/${ids.caseA}/exhibits`, { cookie }), { caseId: ids.caseA });
    expect(res.status).toBe(200);
    const d = dataOf(res) as { lines: { number: number; collectors: string[]; collectedPlace: string; files: { name: string; sha256: string; size: number }[] }[]; totals: { items: number; files: number } };
    expect(d.lines[0]).toMatchObject({ number: 1, collectedPlace: "桂阳县欧阳海河段", collectors: ["陈雨桐", "周立新", "李监测"] });
    const stored = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: ids.plainFile } });
    expect(d.lines[0]!.files).toEqual([expect.objectContaining({ name: "outfall.jpg", sha256: stored.sha256, size: 1234 })]);
    expect(d.totals).toMatchObject({ items: 2, files: 2 });
  });

  test("a case of more than EXHIBIT_ITEMS_MAX items: the list says it is incomplete and how many there are", async () => {
    const kase = await createCase({ procuratorateId: P, leadProsecutorId: prosecutor.id, state: "investigating" });
    const items = (from: number, to: number) =>
      prisma.evidence.createMany({
        data: Array.from({ length: to - from + 1 }, (_, i) => ({ caseId: kase.id, ordinal: from + i, title: `批量证据 ${from + i}`, kind: "documentary", createdById: prosecutor.id })),
      });
    await items(1, EXHIBIT_ITEMS_MAX);
    const full = await exhibitList(P, kase.id);
    expect(full).toMatchObject({ total: EXHIBIT_ITEMS_MAX, truncated: false });
    expect(full.rows).toHaveLength(EXHIBIT_ITEMS_MAX);
    await items(EXHIBIT_ITEMS_MAX + 1, EXHIBIT_ITEMS_MAX + 1);
    const cut = await exhibitList(P, kase.id);
    expect(cut).toMatchObject({ total: EXHIBIT_ITEMS_MAX + 1, truncated: true });
    expect(cut.rows.at(-1)!.ordinal).toBe(EXHIBIT_ITEMS_MAX);
    const cookie = await cookieForUserId(prosecutor.id);
    const res = await callLoader(exhibitsLoader, request(`/cases/${kase.id}/exhibits`, { cookie }), { caseId: kase.id });
    expect(dataOf(res)).toMatchObject({ total: EXHIBIT_ITEMS_MAX + 1, truncated: true, totals: { items: EXHIBIT_ITEMS_MAX } });
  });

  test("a case of another procuratorate answers 404", async () => {
    await expect(exhibitList(P, ids.caseD)).rejects.toMatchObject({ status: 404 });
    const cookie = await cookieForUserId(prosecutor.id);
    const res = await callLoader(exhibitsLoader, request(`/cases/${ids.caseD}/exhibits`, { cookie }), { caseId: ids.caseD });
    expect(res.status).toBe(404);
  });
});
