import { beforeAll, describe, expect, test } from "vitest";
import { callAction, cookiePair, createProcuratorate, createUser, request, TEST_PASSWORD } from "#tests/factories";
import { GENESIS_HASH, recordAudit, verifyAuditChain } from "~/models/audit.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { prisma } from "~/utils/db.server";

let procuratorateId: string;
let user: { id: string; username: string };

beforeAll(async () => {
  procuratorateId = (await createProcuratorate()).id;
  user = await createUser({ role: "prosecutor", procuratorateId });
});

describe("audit log", () => {
  test("sign-in and sign-out are recorded, and the chain verifies", async () => {
    const signedIn = await callAction(loginAction, request("/login", { form: { username: user.username, password: TEST_PASSWORD } }));
    if (signedIn.kind === "error") throw signedIn.error;
    const cookie = cookiePair(signedIn.headers.get("Set-Cookie")!);
    await callAction(logoutAction, request("/logout", { method: "POST", cookie }));

    const events = await prisma.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.login", "user.logout"]);
    expect(events[0]).toMatchObject({ procuratorateId, entityType: "User", entityId: user.id });
    expect(await verifyAuditChain(prisma)).toBeNull();
  });

  test("a failed sign-in writes no audit event (only a login attempt)", async () => {
    const before = await prisma.auditEvent.count();
    await callAction(loginAction, request("/login", { form: { username: user.username, password: "wrong-password" } }));
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  test("each event links to the one before it", async () => {
    const last = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" } });
    const a = await prisma.$transaction((tx) => recordAudit(tx, { procuratorateId, actorId: user.id, action: "test.a", entityType: "Test", data: { n: 1 } }));
    const b = await prisma.$transaction((tx) => recordAudit(tx, { procuratorateId, action: "test.b", entityType: "Test" }));
    expect(a.prevHash).toBe(last?.hash ?? GENESIS_HASH);
    expect(b.prevHash).toBe(a.hash);
    expect(a.data).toBe('{"n":1}');
    expect(await verifyAuditChain(prisma)).toBeNull();
  });

  test("the event rolls back with its transaction", async () => {
    const before = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { procuratorateId, action: "test.rollback", entityType: "Test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEvent.count()).toBe(before);
  });

  test("the table refuses UPDATE and DELETE (append-only triggers)", async () => {
    const event = await prisma.$transaction((tx) => recordAudit(tx, { procuratorateId, action: "test.keep", entityType: "Test" }));
    await expect(prisma.auditEvent.update({ where: { seq: event.seq }, data: { action: "test.forged" } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "data" = '{}' WHERE "seq" = ${event.seq}`)).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { seq: event.seq } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    const still = await prisma.auditEvent.findUniqueOrThrow({ where: { seq: event.seq } });
    expect(still.action).toBe("test.keep");
    expect(await verifyAuditChain(prisma)).toBeNull();
  });
});
