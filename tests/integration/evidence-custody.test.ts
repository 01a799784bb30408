import { beforeAll, describe, expect, test } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieFor, createCase, request } from "#tests/factories";
import { action as itemAction, loader as itemLoader } from "~/routes/_staff.cases.$caseId.evidence_.$evidenceId";
import { prisma } from "~/utils/db.server";

// Recording physical custody steps (received, stored, transferred, returned) from an evidence item's
// page: one append-only custody event and its audit event, refusals writing nothing.

let prosecutor: string;
let chief: string;
let me: string;
let gui: string;

async function newItem(state: "investigating" | "closed" = "investigating", procuratorateId = gui) {
  const lead = procuratorateId === gui ? me : (await prisma.user.findFirstOrThrow({ where: { procuratorateId, role: "prosecutor" } })).id;
  const kase = await createCase({ procuratorateId, leadProsecutorId: lead, state });
  const item = await prisma.evidence.create({ data: { caseId: kase.id, ordinal: 1, title: "排污口水样", kind: "physical", createdById: lead } });
  return { caseId: kase.id, evidenceId: item.id };
}

const post = (target: { caseId: string; evidenceId: string }, values: Record<string, string>, cookie = prosecutor) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return callAction(itemAction, request(`/cases/${target.caseId}/evidence/${target.evidenceId}`, { cookie, form }), target);
};
const errorsOf = (res: RouteResult) => (res.kind === "data" ? (res.data as { result: { error: Record<string, string[]> } }).result.error : null);
const state = async (evidenceId: string) => ({
  custody: await prisma.custodyEvent.count({ where: { evidenceId } }),
  audit: await prisma.auditEvent.count({ where: { action: "evidence.custody" } }),
});

beforeAll(async () => {
  prosecutor = await cookieFor("prosecutor");
  chief = await cookieFor("chief");
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  me = user.id;
  gui = user.procuratorateId!;
});

describe("recording a custody step", () => {
  test("a transfer: one custody event with the new holder and the time, an audit event, shown on the timeline", async () => {
    const target = await newItem();
    const res = await post(target, { action: "transferred", at: "2026-11-30T15:20", counterparty: "郴州市人民检察院技术处 王晓", location: "技术处收件室", note: "送检" });
    expect(res.status).toBe(302);
    expect(res.kind === "response" && res.location).toBe(`/cases/${target.caseId}/evidence/${target.evidenceId}?custody=1#custody`);
    const event = await prisma.custodyEvent.findFirstOrThrow({ where: { evidenceId: target.evidenceId } });
    expect(event).toMatchObject({
      action: "transferred",
      actorId: me,
      counterparty: "郴州市人民检察院技术处 王晓",
      location: "技术处收件室",
      note: "送检",
      fileId: null,
      at: new Date("2026-11-30T07:20:00Z"),
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.custody", entityId: event.id } });
    expect(audit).toMatchObject({ caseId: target.caseId, actorId: me, entityType: "CustodyEvent" });
    expect(JSON.parse(audit.data!).after).toMatchObject({ action: "transferred", counterparty: "郴州市人民检察院技术处 王晓" });
    const page = await callLoader(itemLoader, request(`/cases/${target.caseId}/evidence/${target.evidenceId}`, { cookie: prosecutor }), target);
    const data = (page.kind === "data" ? page.data : null) as { item: { custody: { action: string; counterparty: string | null }[] }; mayRecordCustody: boolean };
    expect(data.mayRecordCustody).toBe(true);
    expect(data.item.custody).toEqual([expect.objectContaining({ action: "transferred", counterparty: "郴州市人民检察院技术处 王晓" })]);
  });

  test("stored and returned, also once the case is closed (an item goes back to its party after closing)", async () => {
    const target = await newItem("closed");
    expect((await post(target, { action: "stored", at: "2026-11-28T09:00", location: "证物保管室 3 号柜" })).status).toBe(302);
    expect((await post(target, { action: "returned", at: "2026-11-29T09:00", counterparty: "桂阳县水利局 张某" })).status).toBe(302);
    const events = await prisma.custodyEvent.findMany({ where: { evidenceId: target.evidenceId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["stored", "returned"]);
  });

  test("bad input answers 400 with the field's message and writes nothing", async () => {
    const target = await newItem();
    const before = await state(target.evidenceId);
    const future = new Date(Date.now() + 2 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 16);
    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ action: "transferred", at: future, counterparty: "某人" }, { at: ["evidenceCustody.validation.future"] }],
      [{ action: "transferred", at: "2026-11-30T10:00" }, { counterparty: ["evidenceCustody.validation.counterparty.transferred"] }],
      [{ action: "stored", at: "2026-11-30T10:00" }, { location: ["evidenceCustody.validation.place"] }],
      [{ action: "collected", at: "2026-11-30T10:00", counterparty: "某人" }, { action: ["evidenceCustody.validation.action"] }],
      [{ action: "verified", at: "2026-11-30T10:00" }, { action: ["evidenceCustody.validation.action"] }],
    ];
    for (const [values, errors] of cases) {
      const res = await post(target, values);
      expect(res.status).toBe(400);
      expect(errorsOf(res)).toMatchObject(errors);
    }
    expect(await state(target.evidenceId)).toEqual(before);
  });

  test("refusals: an approver 403, another procuratorate's item 404, an item of another case 404; nothing written", async () => {
    const target = await newItem();
    const valid = { action: "received", at: "2026-11-30T10:00", counterparty: "县生态环境局" };
    const before = await state(target.evidenceId);
    expect((await post(target, valid, chief)).status).toBe(403);
    const page = await callLoader(itemLoader, request(`/cases/${target.caseId}/evidence/${target.evidenceId}`, { cookie: chief }), target);
    expect((page.kind === "data" ? page.data : null) as { mayRecordCustody: boolean }).toMatchObject({ mayRecordCustody: false });
    const chen = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } })).id;
    const foreign = await newItem("investigating", chen);
    expect((await post(foreign, valid)).status).toBe(404);
    const other = await newItem();
    expect((await post({ caseId: other.caseId, evidenceId: target.evidenceId }, valid)).status).toBe(404);
    expect(await state(target.evidenceId)).toEqual(before);
    expect(await prisma.custodyEvent.count({ where: { evidenceId: foreign.evidenceId } })).toBe(0);
  });

  test("append-only: a recorded step cannot be changed or deleted", async () => {
    const target = await newItem();
    await post(target, { action: "stored", at: "2026-11-30T10:00", location: "证物室" });
    const event = await prisma.custodyEvent.findFirstOrThrow({ where: { evidenceId: target.evidenceId } });
    await expect(prisma.custodyEvent.update({ where: { id: event.id }, data: { counterparty: "改过" } })).rejects.toThrow();
    await expect(prisma.custodyEvent.delete({ where: { id: event.id } })).rejects.toThrow();
  });
});
