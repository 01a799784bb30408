import type { AssessmentFormInput } from "~/domain/recommendation/assessment-rules";
import { currentAssessments, mayAssessReply, replyStatusAfterAssessment } from "~/domain/recommendation/assessment-rules";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Per-point assessments after the agency's reply (跟进调查, 规则 Art 77). Every read and write takes
// the procuratorate first and filters by it: another procuratorate's case, point or assessment is 404.

const person = { select: { displayName: true } } as const;

/** The assessment tab: the case's served recommendations, their replies, points and assessment history. */
export async function getAssessmentPage(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      state: true,
      version: true,
      recommendations: {
        where: { procuratorateId, status: { in: ["served", "replied", "closed"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 20,
        select: {
          id: true,
          number: true,
          points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
          replies: {
            where: { status: { in: ["submitted", "assessed"] } },
            orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
            take: 1,
            select: {
              id: true,
              status: true,
              submittedAt: true,
              receiptNumber: true,
              late: true,
              agency: { select: { name: true } },
              answers: { select: { id: true, pointId: true, status: true, text: true, plan: true, targetOn: true } },
            },
          },
          pointAssessments: {
            orderBy: [{ assessedAt: "desc" }, { id: "desc" }],
            select: {
              id: true,
              pointId: true,
              outcome: true,
              findings: true,
              assessedAt: true,
              reopenedAt: true,
              reopenReason: true,
              assessedBy: person,
              reopenedBy: person,
            },
          },
        },
      },
    },
  });
  if (!kase) notFound();
  return {
    ...kase,
    recommendations: kase.recommendations.map((r) => {
      const current = currentAssessments(r.pointAssessments);
      const reply = r.replies[0] ?? null;
      return {
        id: r.id,
        number: r.number,
        reply: reply ? { ...reply, answers: undefined } : null,
        points: r.points.map((p) => ({
          ...p,
          answer: reply?.answers.find((a) => a.pointId === p.id) ?? null,
          current: current.get(p.id) ?? null,
          history: r.pointAssessments.filter((a) => a.pointId === p.id),
        })),
      };
    }),
  };
}

/** The point of the case with its recommendation's submitted reply; 404 out of scope. */
async function pointInCase(tx: Tx, procuratorateId: string, caseId: string, pointId: string) {
  const point = await tx.recommendationPoint.findFirst({
    where: { id: pointId, recommendation: { caseId, procuratorateId } },
    select: {
      id: true,
      ordinal: true,
      recommendationId: true,
      recommendation: {
        select: {
          points: { select: { id: true } },
          replies: {
            where: { status: { in: ["submitted", "assessed"] } },
            orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
            take: 1,
            select: { id: true, status: true, answers: { where: { pointId }, select: { id: true } } },
          },
        },
      },
    },
  });
  if (!point) notFound();
  return point;
}

/** Sets the reply to assessed when every point has a current assessment, back to submitted otherwise. */
async function syncReplyStatus(tx: Tx, procuratorateId: string, caseId: string, actorId: string, recommendationId: string, replyId: string) {
  const [points, rows, reply] = await Promise.all([
    tx.recommendationPoint.findMany({ where: { recommendationId }, select: { id: true } }),
    tx.pointAssessment.findMany({ where: { recommendationId }, select: { id: true, pointId: true, outcome: true, assessedAt: true, reopenedAt: true } }),
    tx.reply.findUniqueOrThrow({ where: { id: replyId }, select: { status: true } }),
  ]);
  const status = replyStatusAfterAssessment(
    points.map((p) => p.id),
    rows,
  );
  if (status === reply.status) return;
  await tx.reply.update({ where: { id: replyId }, data: { status } });
  await recordAudit(tx, {
    procuratorateId,
    actorId,
    action: "reply.status",
    entityType: "Reply",
    entityId: replyId,
    caseId,
    data: { before: { status: reply.status }, after: { status } },
  });
}

/**
 * Records the assessment of one point (规则 Art 77). 409 before the agency submitted its reply, or
 * when the point already has a current assessment (reopen it first).
 */
export async function assessPoint(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: Extract<AssessmentFormInput, { intent: "assess" }>,
) {
  return prisma.$transaction(async (tx) => {
    const point = await pointInCase(tx, procuratorateId, caseId, input.pointId);
    const reply = point.recommendation.replies[0];
    if (!reply || !mayAssessReply(reply.status)) throw new DomainError("agencyAssess.error.noReply", 409);
    const existing = await tx.pointAssessment.findMany({
      where: { pointId: point.id },
      select: { id: true, pointId: true, outcome: true, assessedAt: true, reopenedAt: true },
    });
    if (currentAssessments(existing).has(point.id)) throw new DomainError("agencyAssess.error.alreadyAssessed", 409);
    const row = await tx.pointAssessment.create({
      data: {
        recommendationId: point.recommendationId,
        pointId: point.id,
        answerId: reply.answers[0]?.id ?? null,
        outcome: input.outcome,
        findings: input.findings,
        assessedById: actorId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "point_assessment.record",
      entityType: "PointAssessment",
      entityId: row.id,
      caseId,
      data: { before: null, after: { pointId: point.id, ordinal: point.ordinal, outcome: input.outcome, findings: input.findings } },
    });
    await syncReplyStatus(tx, procuratorateId, caseId, actorId, point.recommendationId, reply.id);
    return row;
  });
}

/**
 * Reopens a point's current assessment with a reason: it stays as history and no longer counts.
 * 409 when the assessment is already reopened or superseded.
 */
export async function reopenAssessment(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: Extract<AssessmentFormInput, { intent: "reopen" }>,
  now: Date = new Date(),
) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.pointAssessment.findFirst({
      where: { id: input.assessmentId, recommendation: { caseId, procuratorateId } },
      select: { id: true, pointId: true, outcome: true, recommendationId: true, reopenedAt: true },
    });
    if (!row) notFound();
    const siblings = await tx.pointAssessment.findMany({
      where: { pointId: row.pointId },
      select: { id: true, pointId: true, outcome: true, assessedAt: true, reopenedAt: true },
    });
    if (currentAssessments(siblings).get(row.pointId)?.id !== row.id) throw new DomainError("agencyAssess.error.notCurrent", 409);
    await tx.pointAssessment.update({
      where: { id: row.id },
      data: { reopenedAt: now, reopenedById: actorId, reopenReason: input.reason },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "point_assessment.reopen",
      entityType: "PointAssessment",
      entityId: row.id,
      caseId,
      data: { before: { reopenedAt: null }, after: { reopenedAt: now.toISOString(), reopenReason: input.reason } },
    });
    const reply = await tx.reply.findFirst({
      where: { recommendationId: row.recommendationId, status: { in: ["submitted", "assessed"] } },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    if (reply) await syncReplyStatus(tx, procuratorateId, caseId, actorId, row.recommendationId, reply.id);
  });
}
