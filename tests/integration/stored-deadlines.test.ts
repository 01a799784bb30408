import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { addHolidayOverride } from "~/models/holiday.server";
import { listDeadlines, refreshCaseDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";

// Live deadlines are stored and recomputed in the transaction that changes an input; a read only
// compares the stored due date with today. Suspension (规则 Art 78) stops the clock.

let P: string;
let leadId: string;
let adminId: string;

async function servedCase(number: string, servedOn: string, replyPeriod = "fifteen_days") {
  const agency = await prisma.agency.create({ data: { procuratorateId: P, name: `${number} 某局` } });
  const c = await prisma.case.create({
    data: {
      procuratorateId: P,
      number,
      title: `存储期限 ${number}`,
      field: "ecology",
      state: "rectification",
      filedOn: "2026-01-05",
      leadProsecutorId: leadId,
      respondentAgencyId: agency.id,
      services: {
        create: {
          documentKind: "filing_decision",
          recipient: "某局",
          method: "direct",
          servedOn: "2026-01-06",
          serverName: "书记员",
          createdById: leadId,
        },
      },
    },
  });
  const r = await prisma.recommendation.create({
    data: {
      caseId: c.id,
      procuratorateId: P,
      number: `存检行公建〔2026〕${number}号`,
      status: "served",
      facts: "事实",
      reasons: "理由",
      legalBasis: "依据",
      replyPeriod,
      createdById: leadId,
    },
  });
  await prisma.service.create({
    data: {
      caseId: c.id,
      documentKind: "recommendation",
      recommendationId: r.id,
      agencyId: agency.id,
      recipient: "局长",
      method: "direct",
      servedOn,
      serverName: "书记员",
      createdById: leadId,
    },
  });
  await prisma.$transaction((tx) => refreshCaseDeadlines(tx, P, c.id));
  return c.id;
}

async function transition(caseId: string, fromState: string, toState: string, at: string) {
  await prisma.caseTransition.create({
    data: { caseId, fromState, toState, actorId: leadId, at: new Date(`${at}T02:00:00Z`) },
  });
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "存储期限县人民检察院", shortName: "存" })).id;
  leadId = (await createUser({ role: "prosecutor", procuratorateId: P })).id;
  adminId = (await createUser({ role: "admin", procuratorateId: P })).id;
});

describe("stored deadlines", () => {
  test("suspension shifts the agency's reply due date by the suspended days", async () => {
    // Urgent recommendation served Monday 2026-06-01 → 15 days → Tuesday 06-16.
    const id = await servedCase("S-1", "2026-06-01");
    const before = (await listDeadlines(P, { today: "2026-06-02", caseId: id })).items;
    expect(before.map((d) => [d.kind, d.dueOn])).toEqual([["agency_reply", "2026-06-16"]]);

    // Suspended 06-05, resumed 06-12: 7 days do not count → 06-23 (Tuesday).
    await transition(id, "rectification", "suspended", "2026-06-05");
    await transition(id, "suspended", "rectification", "2026-06-12");
    await prisma.$transaction((tx) => refreshCaseDeadlines(tx, P, id));
    const [after] = (await listDeadlines(P, { today: "2026-06-13", caseId: id })).items;
    expect(after?.dueOn).toBe("2026-06-23");
    expect(after?.steps.map((s) => s.key)).toContain("deadlines.step.suspended");
  });

  test("the case keeps its next due date without moving its last update", async () => {
    const id = await servedCase("S-5", "2026-06-01");
    const before = await prisma.case.findUniqueOrThrow({ where: { id }, select: { nextDueOn: true, updatedAt: true } });
    expect(before.nextDueOn).toBe("2026-06-16");
    await transition(id, "rectification", "suspended", "2026-06-05");
    await prisma.$transaction((tx) => refreshCaseDeadlines(tx, P, id));
    const after = await prisma.case.findUniqueOrThrow({ where: { id }, select: { nextDueOn: true, updatedAt: true } });
    expect(after.nextDueOn).toBeNull();
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  test("while suspended the deadline is paused, never overdue", async () => {
    const id = await servedCase("S-2", "2026-06-01");
    await transition(id, "rectification", "suspended", "2026-06-05");
    await prisma.$transaction((tx) => refreshCaseDeadlines(tx, P, id));
    const late = await listDeadlines(P, { today: "2026-07-30", caseId: id });
    expect(late.items.map((d) => [d.status, d.paused])).toEqual([["paused", { since: "2026-06-05", daysLeft: 11 }]]);
    expect(late.counts).toMatchObject({ total: 1, overdue: 0, dueSoon: 0 });
    expect((await listDeadlines(P, { today: "2026-07-30", caseId: id, filter: { status: "overdue" } })).items).toEqual([]);
  });

  test("reading does not recompute: a direct change shows only after a refresh", async () => {
    const id = await servedCase("S-3", "2026-06-01");
    await prisma.recommendation.updateMany({ where: { caseId: id }, data: { replyPeriod: "two_months" } });
    expect((await listDeadlines(P, { today: "2026-06-02", caseId: id })).items[0]?.dueOn).toBe("2026-06-16");
    await prisma.$transaction((tx) => refreshCaseDeadlines(tx, P, id));
    expect((await listDeadlines(P, { today: "2026-06-02", caseId: id })).items[0]?.dueOn).toBe("2026-08-03");
  });

  test("a holiday override added by the administrator moves the stored due date in its transaction", async () => {
    // Two months from Friday 2026-09-04 → Wednesday 11-04.
    const id = await servedCase("S-4", "2026-09-04", "two_months");
    expect((await listDeadlines(P, { today: "2026-09-05", caseId: id })).items[0]?.dueOn).toBe("2026-11-04");
    const added = await addHolidayOverride(P, adminId, { intent: "add", date: "2026-11-04", kind: "holiday", name: "本院假日" });
    expect(added.ok).toBe(true);
    expect((await listDeadlines(P, { today: "2026-09-05", caseId: id })).items[0]?.dueOn).toBe("2026-11-05");
  });
});
