import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { deadlineBoard } from "~/models/deadline-board.server";
import { cachedDeadlineCount, deadlineVersion } from "~/models/deadline-cache.server";
import { refreshDeadlines } from "~/models/deadline.server";
import { myOverdueCount } from "~/models/shell.server";
import { prisma } from "~/utils/db.server";

// The overdue badge and the board's tallies are kept per worker under (date, DeadlineVersion).
// Every change that can move them raises the version (migration 20261201080001), so a cached count
// is never stale: these tests change each input in turn and read the badge again.

const TODAY = "2026-11-20";
let P: string;
let Q: string;
let leadId: string;
let memberId: string;
let seq = 0;

/** Filed cases with no 立案决定书 served: a filing_decision_service deadline 7 days on (规则 Art 70). */
async function filedCases(procuratorateId: string, lead: string, filedOn: string, n: number) {
  const numbers = Array.from({ length: n }, () => `缓存-${++seq}`);
  await prisma.case.createMany({
    data: numbers.map((number) => ({
      procuratorateId,
      number,
      title: `徽标缓存测试案件 ${number}`,
      field: "ecology",
      state: "filed",
      filedOn,
      leadProsecutorId: lead,
    })),
  });
  const cases = await prisma.case.findMany({ where: { procuratorateId, number: { in: numbers } }, select: { id: true } });
  await prisma.$transaction((tx) => refreshDeadlines(tx, procuratorateId), { timeout: 60_000 });
  return cases.map((c) => c.id);
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "徽标县人民检察院", shortName: "徽" })).id;
  Q = (await createProcuratorate({ name: "邻县人民检察院", shortName: "邻" })).id;
  leadId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  memberId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  await filedCases(P, leadId, "2026-11-02", 3); // due 11-09: overdue on TODAY
});

describe("the version rises with every change the counts read", () => {
  test("stored deadlines, their cases, a case's lead and its team; not an unrelated edit or another procuratorate", async () => {
    const v0 = await deadlineVersion(P);
    const [caseId] = await filedCases(P, leadId, "2026-11-03", 1);
    const v1 = await deadlineVersion(P);
    expect(v1).toBeGreaterThan(v0);

    await prisma.case.update({ where: { id: caseId! }, data: { title: "只改标题，不动期限" } });
    expect(await deadlineVersion(P)).toBe(v1);

    await prisma.caseMember.create({ data: { caseId: caseId!, userId: memberId, role: "assistant" } });
    const v2 = await deadlineVersion(P);
    expect(v2).toBeGreaterThan(v1);

    await prisma.case.update({ where: { id: caseId! }, data: { leadProsecutorId: memberId } });
    const v3 = await deadlineVersion(P);
    expect(v3).toBeGreaterThan(v2);

    await prisma.caseMember.deleteMany({ where: { caseId: caseId!, userId: memberId } });
    const v4 = await deadlineVersion(P);
    expect(v4).toBeGreaterThan(v3);

    await prisma.deadline.updateMany({ where: { procuratorateId: P, cases: { some: { caseId: caseId! } } }, data: { dueOn: "2026-12-31" } });
    const v5 = await deadlineVersion(P);
    expect(v5).toBeGreaterThan(v4);

    const qBefore = await deadlineVersion(Q);
    await prisma.deadline.deleteMany({ where: { procuratorateId: P, cases: { some: { caseId: caseId! } } } });
    expect(await deadlineVersion(P)).toBeGreaterThan(v5);
    expect(await deadlineVersion(Q)).toBe(qBefore);
    // Deleting the case (its links cascade) raises it too; the row it leaves is tidied by refresh.
    await prisma.case.delete({ where: { id: caseId! } });
    expect(await deadlineVersion(P)).toBeGreaterThan(v5 + 1);
  });
});

describe("the overdue badge is cached, and never stale", () => {
  test("a second read under the same date and version does not recompute", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cachedDeadlineCount(P, TODAY, "probe", compute)).toBe(1);
    expect(await cachedDeadlineCount(P, TODAY, "probe", compute)).toBe(1);
    expect(computed).toBe(1);
    // A new day recomputes.
    expect(await cachedDeadlineCount(P, "2026-11-21", "probe", compute)).toBe(2);
    // So does any change to the deadlines.
    await filedCases(P, leadId, "2026-11-25", 1);
    expect(await cachedDeadlineCount(P, "2026-11-21", "probe", compute)).toBe(3);
    // Another key, or another procuratorate, is its own entry.
    expect(await cachedDeadlineCount(Q, "2026-11-21", "probe", compute)).toBe(4);
  });

  test("new overdue deadlines, joining a team, and the next day each show at once", async () => {
    const before = await myOverdueCount(P, leadId, TODAY);
    expect(before).toBe(3);
    expect(await myOverdueCount(P, memberId, TODAY)).toBe(0);

    const added = await filedCases(P, leadId, "2026-11-04", 2); // due 11-11: overdue
    expect(await myOverdueCount(P, leadId, TODAY)).toBe(5);

    await prisma.caseMember.create({ data: { caseId: added[0]!, userId: memberId, role: "assistant" } });
    expect(await myOverdueCount(P, memberId, TODAY)).toBe(1);

    // The deadline of the case filed 11-25 (due 12-02) is overdue from 12-03 on.
    expect(await myOverdueCount(P, leadId, "2026-12-02")).toBe(5);
    expect(await myOverdueCount(P, leadId, "2026-12-03")).toBe(6);
  });

  test("the board's tallies follow a change made after they were read", async () => {
    const filter = { status: "all", scope: "mine", days: 7 } as const;
    const first = await deadlineBoard(P, { filter, userId: memberId, today: TODAY });
    expect(first.counts.total).toBe(1);
    const [caseId] = await filedCases(P, leadId, "2026-11-05", 1);
    await prisma.caseMember.create({ data: { caseId: caseId!, userId: memberId, role: "assistant" } });
    const second = await deadlineBoard(P, { filter, userId: memberId, today: TODAY });
    expect(second.counts.total).toBe(2);
    expect(second.items).toHaveLength(2);
  });
});
