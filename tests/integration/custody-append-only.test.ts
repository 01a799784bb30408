import { beforeAll, describe, expect, test } from "vitest";
import { createCase, createProcuratorate, createUser } from "#tests/factories";
import { recordCustody } from "~/models/custody.server";
import { prisma } from "~/utils/db.server";

// The chain of custody is append-only (migration 20261201100001), like the audit log: an event is
// never changed or removed while its item exists; removing the item takes its events with it.

let caseId: string;
let userId: string;

async function item(ordinal: number) {
  return prisma.evidence.create({
    data: { caseId, ordinal, title: `保管链测试证据 ${ordinal}`, kind: "documentary", source: "collected", createdById: userId },
  });
}

beforeAll(async () => {
  const p = await createProcuratorate({ name: "保管县人民检察院", shortName: "管" });
  userId = (await createUser({ role: "prosecutor", procuratorateId: p.id })).id;
  caseId = (await createCase({ procuratorateId: p.id, leadProsecutorId: userId })).id;
});

describe("custody events", () => {
  test("are appended with their action checked, and refuse any update or delete", async () => {
    const e = await item(1);
    const event = await prisma.$transaction((tx) => recordCustody(tx, { evidenceId: e.id, action: "verified", actorId: userId }));
    expect(event.action).toBe("verified");
    await expect(prisma.$transaction((tx) => recordCustody(tx, { evidenceId: e.id, action: "lost" as never }))).rejects.toThrow();
    await expect(prisma.custodyEvent.update({ where: { id: event.id }, data: { note: "改写" } })).rejects.toThrow(/append-only/);
    await expect(prisma.custodyEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect(await prisma.custodyEvent.count({ where: { evidenceId: e.id } })).toBe(1);
  });

  test("go with their item when the item itself is removed", async () => {
    const e = await item(2);
    await prisma.$transaction((tx) => recordCustody(tx, { evidenceId: e.id, action: "collected", actorId: userId }));
    await prisma.evidence.delete({ where: { id: e.id } });
    expect(await prisma.custodyEvent.count({ where: { evidenceId: e.id } })).toBe(0);
  });
});
