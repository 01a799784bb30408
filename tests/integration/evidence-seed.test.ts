import { describe, expect, test } from "vitest";
import { CUSTODY_ACTIONS, EVIDENCE_SOURCES, MIN_COLLECTING_STAFF } from "~/domain/evidence/kinds";
import { prisma } from "~/utils/db.server";

// The demo seed's evidence (prisma/seed-scenario): collecting staff as users, the source enum, places,
// and a custody chain that uses every action, each file's upload named.

describe("the demo seed's evidence", () => {
  test("what we collected ourselves names at least two collecting staff of the case's procuratorate (规则 Art 36)", async () => {
    const collected = await prisma.evidence.findMany({
      where: { source: "collected" },
      select: { title: true, case: { select: { procuratorateId: true } }, collectors: { select: { user: { select: { procuratorateId: true } } } } },
    });
    expect(collected.length).toBeGreaterThan(10);
    const short = collected.filter((e) => e.collectors.length < MIN_COLLECTING_STAFF).map((e) => e.title);
    expect(short).toEqual([]);
    const foreign = collected.filter((e) => e.collectors.some((c) => c.user.procuratorateId !== e.case.procuratorateId));
    expect(foreign).toEqual([]);
  });

  test("uses every source, keeps the old free text as the note, and records places of photographs", async () => {
    const sources = await prisma.evidence.groupBy({ by: ["source"], _count: true });
    expect(sources.map((s) => s.source).sort()).toEqual([...EVIDENCE_SOURCES].sort());
    expect(await prisma.evidence.count({ where: { source: "agency_handover", sourceNote: null } })).toBe(0);
    expect(await prisma.evidence.count({ where: { files: { some: {} }, collectedPlace: null } })).toBe(0);
  });

  test("the custody chains use every action; each file has its 'uploaded' event", async () => {
    const actions = await prisma.custodyEvent.groupBy({ by: ["action"], _count: true });
    expect(actions.map((a) => a.action).sort()).toEqual([...CUSTODY_ACTIONS].sort());
    const files = await prisma.evidenceFile.findMany({ select: { id: true, custody: { where: { action: "uploaded" }, select: { id: true } } } });
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.custody.length !== 1)).toEqual([]);
    // A received item starts with 'received', a collected one with 'collected'.
    const first = await prisma.evidence.findMany({
      select: { source: true, custody: { orderBy: [{ at: "asc" }, { id: "asc" }], take: 1, select: { action: true } } },
    });
    expect(first.filter((e) => e.custody[0]?.action !== (e.source === "collected" ? "collected" : "received"))).toEqual([]);
  });
});
