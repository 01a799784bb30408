import { describe, expect, it } from "vitest";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";

// 最近更新 on the case list is Case.updatedAt: it must never be older than the case's own log.
describe("a case's last update follows its newest event", () => {
  it("holds for every seeded case (2026-行公-005 showed 09/08 while its log ran to 11/20)", async () => {
    const newest = await prisma.auditEvent.groupBy({ by: ["caseId"], where: { caseId: { not: null } }, _max: { at: true } });
    expect(newest.length).toBeGreaterThan(10);
    const cases = await prisma.case.findMany({ select: { id: true, number: true, updatedAt: true } });
    const byId = new Map(cases.map((c) => [c.id, c]));
    const stale = newest
      .filter((n) => n._max.at && byId.get(n.caseId!)!.updatedAt.getTime() < n._max.at.getTime())
      .map((n) => byId.get(n.caseId!)!.number);
    expect(stale).toEqual([]);
  });

  it("moves forward when a change to a part of the case is recorded, never back", async () => {
    const kase = await prisma.case.findFirstOrThrow({ where: { number: { not: null } }, orderBy: { updatedAt: "asc" } });
    const later = new Date(kase.updatedAt.getTime() + 60_000);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { action: "evidence.create", entityType: "Evidence", caseId: kase.id, at: later }),
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).updatedAt).toEqual(later);

    const earlier = new Date(kase.updatedAt.getTime() - 86_400_000);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { action: "evidence.view", entityType: "Evidence", caseId: kase.id, at: earlier }),
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })).updatedAt).toEqual(later);
  });
});
