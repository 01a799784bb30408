import { beforeAll, describe, expect, test } from "vitest";
import { createProcuratorate, createUser } from "#tests/factories";
import { DEMO_SEED_DAY } from "#tests/setup/seed-day";
import { listDeadlines, refreshDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";

// Live deadlines collected from case data, on a copy of the seeded database, in a procuratorate of
// the test's own with fixed dates (2022), so "today" is passed in.

const TODAY = "2022-06-18";
let P: string;
let Q: string;
const ids: Record<string, string> = {};

/** A case; its 立案决定书 counts as served unless `unserved`. */
async function makeCase(
  procuratorateId: string,
  leadId: string,
  key: string,
  data: { state: string; filedOn?: string; agencyId?: string; unserved?: boolean }
) {
  const c = await prisma.case.create({
    data: {
      procuratorateId,
      number: `测-${key}`,
      title: `期限测试案件 ${key}`,
      field: "ecology",
      state: data.state,
      filedOn: data.filedOn ?? "2022-03-01",
      leadProsecutorId: leadId,
      respondentAgencyId: data.agencyId ?? null,
    },
  });
  ids[key] = c.id;
  if (!data.unserved) {
    await prisma.service.create({
      data: {
        caseId: c.id,
        documentKind: "filing_decision",
        recipient: "某局",
        method: "direct",
        servedOn: "2022-03-02",
        serverName: "书记员",
        createdById: leadId,
      },
    });
  }
  return c;
}

beforeAll(async () => {
  P = (await createProcuratorate({ name: "期限测试县人民检察院", shortName: "期" })).id;
  Q = (await createProcuratorate({ name: "另一县人民检察院", shortName: "另" })).id;
  const lead = await createUser({ role: "prosecutor", procuratorateId: P });
  const chief = await createUser({ role: "approver", procuratorateId: P });
  const otherLead = await createUser({ role: "prosecutor", procuratorateId: Q });
  const agency = await prisma.agency.create({ data: { procuratorateId: P, name: "期限测试县生态环境局" } });

  // A: filed 2022-09-24, 立案决定书 not served → 7 days end in the National Day break → 10-08.
  await makeCase(P, lead.id, "A", { state: "filed", filedOn: "2022-09-24", agencyId: agency.id, unserved: true });
  // A2: filed and served → no deadline.
  await makeCase(P, lead.id, "A2", { state: "filed", filedOn: "2022-09-24" });
  // A3: closed case never served → not live.
  await makeCase(P, lead.id, "A3", { state: "closed", filedOn: "2022-06-01", unserved: true });

  const recommendation = async (
    caseKey: string,
    status: string,
    replyPeriod: string,
    servedOn?: string,
    reply?: string
  ) => {
    const r = await prisma.recommendation.create({
      data: {
        caseId: ids[caseKey]!,
        procuratorateId: P,
        number: `期检行公建〔2022〕${caseKey}号`,
        status,
        facts: "事实",
        reasons: "理由",
        legalBasis: "依据",
        replyPeriod,
        createdById: lead.id,
      },
    });
    if (servedOn) {
      await prisma.service.create({
        data: {
          caseId: ids[caseKey]!,
          documentKind: "recommendation",
          recommendationId: r.id,
          agencyId: agency.id,
          recipient: "局长",
          method: "direct",
          servedOn,
          serverName: "书记员",
          createdById: lead.id,
        },
      });
    }
    if (reply) {
      await prisma.reply.create({
        data: {
          recommendationId: r.id,
          agencyId: agency.id,
          summary: "回复",
          status: reply,
          submittedAt: reply === "draft" ? null : new Date(),
        },
      });
    }
    ids[`rec-${caseKey}`] = r.id;
  };
  // B: urgent recommendation served 2022-06-16 → 15 days → 07-01.
  await makeCase(P, lead.id, "B", { state: "rectification", agencyId: agency.id });
  await recommendation("B", "served", "fifteen_days", "2022-06-16");
  // B2: replied (submitted) → no deadline.
  await makeCase(P, lead.id, "B2", { state: "rectification" });
  await recommendation("B2", "replied", "two_months", "2022-06-16", "submitted");
  // B3: only a draft reply → 2 months → 08-16.
  await makeCase(P, lead.id, "B3", { state: "rectification" });
  await recommendation("B3", "served", "two_months", "2022-06-16", "draft");
  // C: approved 2022-06-15 (Shanghai), not served → 3 days = Saturday 06-18 → Monday 06-20,
  // which this procuratorate marked a holiday → 06-21.
  await makeCase(P, lead.id, "C", { state: "recommending" });
  await recommendation("C", "approved", "two_months");
  await prisma.approval.create({
    data: {
      procuratorateId: P,
      caseId: ids.C!,
      kind: "recommendation",
      subject: "提请制发检察建议",
      requestedById: lead.id,
      decision: "approved",
      decidedById: chief.id,
      decidedAt: new Date("2022-06-14T17:00:00Z"),
    },
  });
  await prisma.holidayOverride.create({
    data: { procuratorateId: P, date: "2022-06-20", kind: "holiday", name: "本院测试假日" },
  });
  await prisma.holidayOverride.create({
    data: { procuratorateId: Q, date: "2022-07-01", kind: "holiday", name: "他院假日" },
  });

  // D: pre-suit review from 2022-05-10 with one approved month more → 07-10 (Sunday) → 07-11.
  await makeCase(P, lead.id, "D", { state: "pre_suit_review" });
  await prisma.caseTransition.create({
    data: {
      caseId: ids.D!,
      fromState: "follow_up",
      toState: "pre_suit_review",
      actorId: lead.id,
      at: new Date("2022-05-10T02:00:00Z"),
    },
  });
  const ext = await prisma.approval.create({
    data: {
      procuratorateId: P,
      caseId: ids.D!,
      kind: "extension",
      subject: "延长审查起诉期限",
      requestedById: lead.id,
      decision: "approved",
      decidedById: chief.id,
      decidedAt: new Date(),
    },
  });
  await prisma.deadlineExtension.create({
    data: { caseId: ids.D!, deadline: "pre_suit_review", extraMonths: 1, reason: "补充鉴定", approvalId: ext.id },
  });
  // A pending extension does not count.
  const pendingExt = await prisma.approval.create({
    data: { procuratorateId: P, caseId: ids.D!, kind: "extension", subject: "再延长", requestedById: lead.id },
  });
  await prisma.deadlineExtension.create({
    data: { caseId: ids.D!, deadline: "pre_suit_review", extraMonths: 1, reason: "未批准", approvalId: pendingExt.id },
  });

  // Hearings: planned on Tuesday 06-21 → notice by Friday 06-17 (overdue on the 18th); a notified
  // one and a past planned one are not live.
  const hearing = (title: string, status: string, startsAt: string) =>
    prisma.hearing.create({
      data: {
        procuratorateId: P,
        title,
        status,
        venue: "检察听证室",
        startsAt: new Date(startsAt),
        hostId: lead.id,
        cases: { create: [{ caseId: ids.B!, ordinal: 1 }] },
      },
    });
  ids.H = (await hearing("期限测试听证", "planned", "2022-06-21T01:30:00Z")).id;
  await hearing("已通知的听证", "notified", "2022-06-24T01:30:00Z");
  await hearing("过去的听证", "planned", "2022-06-10T01:30:00Z");

  // Another procuratorate's filed case never shows up.
  await makeCase(Q, otherLead.id, "Q1", { state: "filed", filedOn: "2022-06-15", unserved: true });

  // The rows above were written directly, not through the models that keep the stored deadlines
  // up to date, so compute them once here.
  for (const id of [P, Q]) await prisma.$transaction((tx) => refreshDeadlines(tx, id));
});

describe("listDeadlines", () => {
  test("collects every live deadline, sorted by due date", async () => {
    const r = await listDeadlines(P, { today: TODAY });
    expect(r.today).toBe(TODAY);
    expect(
      r.items.map((d) => [
        d.kind,
        d.ruleId,
        d.cases.map((c) => c.number).join(),
        d.triggerOn,
        d.dueOn,
        d.daysRemaining,
        d.status,
      ])
    ).toEqual([
      ["hearing_notice", "hearing_notice", "测-B", "2022-06-21", "2022-06-17", -1, "overdue"],
      ["recommendation_service", "recommendation_service", "测-C", "2022-06-15", "2022-06-21", 3, "due_soon"],
      ["agency_reply", "agency_reply_urgent", "测-B", "2022-06-16", "2022-07-01", 13, "ok"],
      ["pre_suit_review", "pre_suit_review", "测-D", "2022-05-10", "2022-07-11", 23, "ok"],
      ["agency_reply", "agency_reply", "测-B3", "2022-06-16", "2022-08-16", 59, "ok"],
      ["filing_decision_service", "filing_decision_service", "测-A", "2022-09-24", "2022-10-08", 112, "ok"],
    ]);
    expect(r.counts).toEqual({ total: 6, overdue: 1, dueSoon: 1 });
    expect(r.missingYears).toEqual([]);
    expect(r.incompleteYears).toEqual([]);
  });

  test("details: basis, steps, extension, hearing and agency", async () => {
    const { items } = await listDeadlines(P, { today: TODAY });
    const by = (key: string) => items.find((d) => d.key === key)!;
    const d = by(`pre_suit_review:${ids.D}`);
    expect(d.extended).toBe(true);
    expect(d.basis).toBe("规则 Art 47");
    expect(d.steps.map((s) => s.key)).toContain("deadlines.step.extendMonths");
    const c = by(`recommendation_service:${ids["rec-C"]}`);
    // This procuratorate's holiday moved the Monday to Tuesday.
    expect(c.steps.find((s) => s.key === "deadlines.step.movedForward")?.vars).toMatchObject({
      date: "2022-06-18",
      to: "2022-06-21",
    });
    const h = by(`hearing_notice:${ids.H}`);
    expect(h.hearing).toEqual({ id: ids.H, title: "期限测试听证" });
    expect(h.basis).toBe("听证规定 Art 10");
    expect(by(`agency_reply:${ids["rec-B"]}`)).toMatchObject({
      agency: "期限测试县生态环境局",
      party: "agency",
      recommendation: { id: ids["rec-B"] },
    });
    const a = by(`filing_decision_service:${ids.A}`);
    expect(a.periodEndOn).toBe("2022-10-01");
    expect(a.steps.map((s) => s.key)).toContain("deadlines.step.makeupWorkday");
  });

  test("filters by kind and status", async () => {
    const kinds = await listDeadlines(P, { today: TODAY, filter: { kind: "agency_reply", status: "all" } });
    expect(kinds.items.map((d) => d.cases[0]!.number)).toEqual(["测-B", "测-B3"]);
    expect(kinds.counts.total).toBe(2);
    expect((await listDeadlines(P, { today: TODAY, filter: { status: "overdue" } })).items.map((d) => d.kind)).toEqual([
      "hearing_notice",
    ]);
    expect((await listDeadlines(P, { today: TODAY, filter: { status: "due_soon" } })).items.map((d) => d.kind)).toEqual(
      ["recommendation_service"]
    );
  });

  test("one case's deadlines", async () => {
    const r = await listDeadlines(P, { today: TODAY, caseId: ids.B });
    expect(r.items.map((d) => d.kind)).toEqual(["hearing_notice", "agency_reply"]);
  });

  test("is scoped to the procuratorate", async () => {
    const other = await listDeadlines(Q, { today: TODAY });
    expect(other.items.map((d) => d.cases[0]!.number)).toEqual(["测-Q1"]);
    // Another procuratorate's case id gives nothing.
    expect((await listDeadlines(P, { today: TODAY, caseId: ids.Q1 })).items).toEqual([]);
  });

  test("reports a year without holiday data, and one entered in part", async () => {
    // The seed has one global row for 2027 (元旦); without it the year would be missing altogether.
    const globalRows = await prisma.holidayOverride.count({
      where: { procuratorateId: null, date: { startsWith: "2027-" }, kind: "holiday" },
    });
    const r = await listDeadlines(P, { today: "2026-12-20" });
    if (globalRows === 0) expect(r.missingYears).toEqual([2027]);
    else expect(r.incompleteYears).toEqual([{ year: 2027, entered: globalRows, statutory: 13 }]);
    expect((await listDeadlines(P, { today: "2026-12-20" })).missingYears).not.toContain(2026);

    // This procuratorate enters the 13 statutory days of 2027: no more notice here, but still for Q.
    await prisma.holidayOverride.createMany({
      data: Array.from({ length: 13 }, (_, i) => ({
        procuratorateId: P,
        date: `2027-02-${String(i + 5).padStart(2, "0")}`,
        kind: "holiday",
        name: "春节",
      })),
    });
    const s = await listDeadlines(P, { today: "2026-12-20" });
    expect(s.missingYears).toEqual([]);
    expect(s.incompleteYears).toEqual([]);
    const q = await listDeadlines(Q, { today: "2026-12-20" });
    expect(q.missingYears.includes(2027) || q.incompleteYears.some((y) => y.year === 2027)).toBe(true);
  });
});

describe("seeded demo (桂)", () => {
  test("has live deadlines on the demo's today, none of 郴", async () => {
    const gui = await prisma.procuratorate.findFirst({ where: { shortName: "桂" }, select: { id: true } });
    if (!gui) return;
    const r = await listDeadlines(gui.id, { today: DEMO_SEED_DAY });
    expect(r.items.length).toBeGreaterThan(0);
    const caseIds = r.items.flatMap((d) => d.cases.map((c) => c.id));
    const foreign = await prisma.case.count({ where: { id: { in: caseIds }, procuratorateId: { not: gui.id } } });
    expect(foreign).toBe(0);
  });
});
