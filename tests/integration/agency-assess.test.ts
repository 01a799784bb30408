import { describe, expect, test } from "vitest";
import { caseWithSubmittedReply } from "#tests/authz/agency-assess";
import { procuratorates, someUser } from "#tests/authz/write-fixtures";
import type { PrismaClient } from "~/generated/prisma/client";
import { assessPoint, reopenAssessment } from "~/models/assessment.server";
import { getEscalation, takeEscalation } from "~/models/escalation.server";
import { recordFollowUpVisit } from "~/models/follow-up-visit.server";
import { agencyRates, getAgencyPage, seriesRates } from "~/models/rates.server";
import { prisma } from "~/utils/db.server";

const db = prisma as unknown as PrismaClient;

describe("assessment per point and reopen (规则 Art 77)", () => {
  test("assessing every point marks the reply assessed; reopening keeps the history and counts no more", async () => {
    const p = await procuratorates(db);
    const actor = await someUser(db, p.inScope);
    const f = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[0]!, outcome: "rectified", findings: "现场核查已整改" });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[1]!, outcome: "rectified", findings: "现场核查已整改" });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[2]!, outcome: "paper_only", findings: "回复已整改，现场仍堆放" });
    expect((await prisma.reply.findUniqueOrThrow({ where: { id: f.replyId } })).status).toBe("assessed");
    // A point already assessed is reopened first.
    await expect(
      assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[2]!, outcome: "rectified", findings: "x" }),
    ).rejects.toMatchObject({ status: 409 });

    const gate = await getEscalation(p.inScope, f.caseId, "2026-12-01");
    expect(gate.decision).toMatchObject({ offer: "pre_suit_review", reason: "unperformed" });
    expect(gate.clock?.basis).toBe("规则 Art 47");

    const paper = await prisma.pointAssessment.findFirstOrThrow({ where: { pointId: f.pointIds[2]! } });
    await reopenAssessment(p.inScope, actor, f.caseId, { intent: "reopen", assessmentId: paper.id, reason: "需再次现场核查" });
    expect((await prisma.reply.findUniqueOrThrow({ where: { id: f.replyId } })).status).toBe("submitted");
    expect(await prisma.pointAssessment.count({ where: { pointId: f.pointIds[2]! } })).toBe(1);
    expect((await getEscalation(p.inScope, f.caseId, "2026-12-01")).decision.offer).toBe("none");
    // Reopened twice: refused.
    await expect(
      reopenAssessment(p.inScope, actor, f.caseId, { intent: "reopen", assessmentId: paper.id, reason: "再次" }),
    ).rejects.toMatchObject({ status: 409 });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[2]!, outcome: "rectified", findings: "复查已整改" });
    const closure = await getEscalation(p.inScope, f.caseId, "2026-12-01");
    expect(closure.decision).toMatchObject({ offer: "closure", ground: "fully_rectified" });
    const taken = await takeEscalation(p.inScope, actor, f.caseId, { offer: "closure", reason: "全部整改", version: closure.version }, "2026-12-01");
    expect(taken.outcome).toBe("requested");
    const approval = await prisma.approval.findFirstOrThrow({ where: { caseId: f.caseId, kind: "closure" } });
    expect(JSON.parse(approval.payload as unknown as string)).toMatchObject({ ground: "fully_rectified" });
    const events = await prisma.auditEvent.findMany({ where: { caseId: f.caseId }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["point_assessment.record", "point_assessment.reopen", "reply.status"]));
  });

  test("refusals: before a reply (409), another procuratorate's case (404), a foreign evidence item (400)", async () => {
    const p = await procuratorates(db);
    const actor = await someUser(db, p.inScope);
    const f = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    await prisma.reply.update({ where: { id: f.replyId }, data: { status: "draft" } });
    await expect(
      assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[0]!, outcome: "rectified", findings: "x" }),
    ).rejects.toMatchObject({ status: 409 });
    const other = await caseWithSubmittedReply(db, p.outOfScope);
    await expect(
      assessPoint(p.inScope, actor, other.caseId, { intent: "assess", pointId: other.pointIds[0]!, outcome: "rectified", findings: "x" }),
    ).rejects.toMatchObject({ status: 404 });
    // A point of another case, through this case's id: 404.
    await expect(
      assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: other.pointIds[0]!, outcome: "rectified", findings: "x" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(getAgencyPage(p.inScope, other.agencyId)).rejects.toMatchObject({ status: 404 });
    const foreignEvidence = await prisma.evidence.findFirstOrThrow({ where: { caseId: other.caseId } });
    await expect(
      recordFollowUpVisit(p.inScope, actor, f.caseId, { visitedOn: "2026-11-20", place: "现场", findings: "x", evidenceIds: [foreignEvidence.id], observerIds: [] }, "2026-12-01"),
    ).rejects.toMatchObject({ status: 400 });
    const own = await prisma.evidence.findFirstOrThrow({ where: { caseId: f.caseId } });
    const panelist = await prisma.panelist.findFirstOrThrow({ where: { procuratorateId: p.inScope, active: true, barred: false } });
    await recordFollowUpVisit(p.inScope, actor, f.caseId, { visitedOn: "2026-11-20", place: "现场", findings: "走访", evidenceIds: [own.id], observerIds: [panelist.id] }, "2026-12-01");
    const visit = await prisma.followUpVisit.findFirstOrThrow({ where: { caseId: f.caseId }, include: { evidence: true, observers: true } });
    expect(visit.evidence).toHaveLength(1);
    expect(visit.observers).toHaveLength(1);
  });
});

describe("the rectification period decides (规则 Arts 47, 82)", () => {
  test("an unperformed duty is offered pre-suit review only after the period, and its month counts from the period's end, as the deadline engine does", async () => {
    const p = await procuratorates(db);
    const actor = await someUser(db, p.inScope);
    const f = await caseWithSubmittedReply(db, p.inScope, { leadId: actor }); // reply due 2026-11-01
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[0]!, outcome: "not_rectified", findings: "未整改" });
    expect((await getEscalation(p.inScope, f.caseId, "2026-10-25")).decision.offer).toBe("none");
    const gate = await getEscalation(p.inScope, f.caseId, "2026-12-01");
    expect(gate.decision).toMatchObject({ offer: "pre_suit_review", reason: "unperformed" });
    expect(gate.clock?.dueOn).toBe("2026-12-01"); // one month after 2026-11-01; 2026-12-01 is a working day

    const kase = await prisma.case.findUniqueOrThrow({ where: { id: f.caseId }, select: { version: true } });
    await takeEscalation(p.inScope, actor, f.caseId, { offer: "pre_suit_review", reason: "逾期未整改", version: kase.version }, "2026-12-01");
    const followUp = await prisma.followUp.findFirstOrThrow({ where: { caseId: f.caseId }, orderBy: { createdAt: "desc" } });
    expect(followUp.findings).toContain("第1项：未整改");
    expect(followUp.findings).not.toMatch(/[a-z_]{5,}/);
    const stored = await prisma.deadline.findFirstOrThrow({ where: { procuratorateId: p.inScope, key: `pre_suit_review:${f.caseId}` } });
    expect(stored.triggerOn).toBe("2026-11-01");
    expect(stored.dueOn).toBe(gate.clock?.dueOn);
  });
});

describe("honest rates from real rows", () => {
  test("the rates count paper-only points as not rectified", async () => {
    const p = await procuratorates(db);
    const actor = await someUser(db, p.inScope);
    const f = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[0]!, outcome: "rectified", findings: "已整改" });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[1]!, outcome: "paper_only", findings: "纸面整改" });
    await assessPoint(p.inScope, actor, f.caseId, { intent: "assess", pointId: f.pointIds[2]!, outcome: "paper_only", findings: "纸面整改" });
    const rates = await agencyRates(p.inScope, f.agencyId, "2026-12-01");
    expect(rates.total).toMatchObject({
      repliesDue: 1,
      repliesOnTime: 1,
      pointsRepliedDone: 3,
      pointsVerified: 3,
      pointsReallyRectified: 1,
      pointsPaperOnly: 2,
    });
    expect(rates.years[0]?.year).toBe(2026);
  });

  test("every served recommendation counts: a series in two years, late and draft replies, reopened and foreign rows", async () => {
    const p = await procuratorates(db);
    const actor = await someUser(db, p.inScope);
    const series = await db.caseSeries.create({ data: { procuratorateId: p.inScope, name: `费率系列${Date.now()}` }, select: { id: true } });
    // A: three points, two verified rectified, one reopened (no longer verified).
    const a = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    // B: replied late, one point partly done (not "done"), two done and verified paper only.
    const b = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    // C: only a draft reply, served in 2025 and past its due date: due, not on time, no points.
    const c = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    // Another procuratorate's recommendation in a case pointed at the series must not count.
    const foreign = await caseWithSubmittedReply(db, p.outOfScope);
    await db.case.updateMany({ where: { id: { in: [a.caseId, b.caseId, c.caseId, foreign.caseId] } }, data: { seriesId: series.id } });
    await db.reply.update({ where: { id: b.replyId }, data: { late: true } });
    await db.replyAnswer.updateMany({ where: { replyId: b.replyId, pointId: b.pointIds[0]! }, data: { status: "partly_done" } });
    await db.reply.update({ where: { id: c.replyId }, data: { status: "draft", submittedAt: null, receiptNumber: null } });
    await db.service.updateMany({ where: { recommendationId: c.recommendationId }, data: { servedOn: "2025-03-03" } });
    await db.deadline.create({
      data: {
        procuratorateId: p.inScope,
        key: `agency_reply:${c.recommendationId}`,
        kind: "agency_reply",
        ruleId: "agency_reply",
        party: "agency",
        triggerOn: "2025-03-03",
        dueOn: "2025-05-06",
        periodEndOn: "2025-05-06",
        steps: "[]",
        basis: "两高解释 Art 21",
        recommendationId: c.recommendationId,
      },
    });
    await assessPoint(p.inScope, actor, a.caseId, { intent: "assess", pointId: a.pointIds[0]!, outcome: "rectified", findings: "已整改" });
    await assessPoint(p.inScope, actor, a.caseId, { intent: "assess", pointId: a.pointIds[1]!, outcome: "rectified", findings: "已整改" });
    await assessPoint(p.inScope, actor, a.caseId, { intent: "assess", pointId: a.pointIds[2]!, outcome: "rectified", findings: "已整改" });
    const third = await db.pointAssessment.findFirstOrThrow({ where: { pointId: a.pointIds[2]! }, select: { id: true } });
    await reopenAssessment(p.inScope, actor, a.caseId, { intent: "reopen", assessmentId: third.id, reason: "复查发现反弹" });
    await assessPoint(p.inScope, actor, b.caseId, { intent: "assess", pointId: b.pointIds[1]!, outcome: "paper_only", findings: "纸面整改" });
    await assessPoint(p.inScope, actor, b.caseId, { intent: "assess", pointId: b.pointIds[2]!, outcome: "paper_only", findings: "纸面整改" });

    // D: served in 2025, never answered, its case closed after a suit: the stored deadline is gone, it still counts as due.
    const d = await caseWithSubmittedReply(db, p.inScope, { leadId: actor });
    await db.reply.delete({ where: { id: d.replyId } });
    await db.service.updateMany({ where: { recommendationId: d.recommendationId }, data: { servedOn: "2025-01-06" } });
    await db.case.update({ where: { id: d.caseId }, data: { seriesId: series.id, state: "closed", closedOn: "2025-09-01" } });
    const rates = await seriesRates(p.inScope, series.id, "2026-12-01");
    expect(rates.total).toEqual({
      repliesDue: 4,
      repliesOnTime: 1,
      pointsRepliedDone: 5,
      pointsVerified: 4,
      pointsReallyRectified: 2,
      pointsPaperOnly: 2,
    });
    expect(rates.years.map((y) => [y.year, y.repliesDue, y.repliesOnTime])).toEqual([
      [2026, 2, 1],
      [2025, 2, 0],
    ]);
    // The foreign procuratorate's series view of the same id sees only its own row.
    expect((await seriesRates(p.outOfScope, series.id, "2026-12-01")).total.repliesDue).toBe(1);
  });
});

