import type { PrismaClient } from "~/generated/prisma/client";
import type { Expectations, ParamContext, ParamSets, WriteRow } from "#tests/authz/types";
import { only } from "#tests/authz/types";
import { newAgency, newCase, procuratorates, someUser, tag } from "#tests/authz/write-fixtures";

// Authorization matrix entries of the assessment tab (/cases/:id/assessment: assess a point, reopen,
// record a follow-up visit, the escalation gate) and the staff agency page (/agencies/:id), issue 11.

/** A case in follow-up with a served recommendation of `points` points and the agency's submitted reply. */
export async function caseWithSubmittedReply(db: PrismaClient, procuratorateId: string, opts: { leadId?: string; points?: number } = {}) {
  const kase = await newCase(db, procuratorateId, "follow_up", { leadId: opts.leadId, evidence: true });
  const agency = await newAgency(db, procuratorateId);
  const createdById = opts.leadId ?? (await someUser(db, procuratorateId));
  const n = opts.points ?? 3;
  const rec = await db.recommendation.create({
    data: {
      caseId: kase.id,
      procuratorateId,
      number: `矩阵建〔2026〕${tag()}号`,
      status: "served",
      facts: "事实",
      reasons: "理由",
      legalBasis: "依据",
      createdById,
      points: { create: Array.from({ length: n }, (_, i) => ({ ordinal: i + 1, text: `第${i + 1}项建议` })) },
    },
    select: { id: true, points: { orderBy: { ordinal: "asc" }, select: { id: true } } },
  });
  await db.service.create({
    data: {
      caseId: kase.id,
      documentKind: "recommendation",
      recommendationId: rec.id,
      agencyId: agency.id,
      recipient: "联络人",
      method: "direct",
      servedOn: "2026-09-01",
      serverName: "矩阵测试送达人",
      createdById,
    },
  });
  const reply = await db.reply.create({
    data: {
      recommendationId: rec.id,
      agencyId: agency.id,
      summary: "已按建议整改",
      status: "submitted",
      submittedAt: new Date("2026-10-20T02:00:00Z"),
      receiptNumber: `回执-${tag()}`,
      dueOn: "2026-11-01",
      answers: { create: rec.points.map((p) => ({ pointId: p.id, status: "done", text: "已整改完毕" })) },
    },
    select: { id: true },
  });
  return { caseId: kase.id, agencyId: agency.id, recommendationId: rec.id, replyId: reply.id, pointIds: rec.points.map((p) => p.id) };
}

async function pair(db: PrismaClient, find: (procuratorateId: string) => Promise<string>, param: string): Promise<ParamSets> {
  const p = await procuratorates(db);
  return { inScope: { [param]: await find(p.inScope) }, outOfScope: { [param]: await find(p.outOfScope) } };
}

const caseParams = ({ db }: ParamContext) =>
  pair(db, async (procuratorateId) => (await db.case.findFirstOrThrow({ where: { procuratorateId }, orderBy: { id: "asc" }, select: { id: true } })).id, "caseId");
const agencyParams = ({ db }: ParamContext) =>
  pair(db, async (procuratorateId) => (await db.agency.findFirstOrThrow({ where: { procuratorateId }, orderBy: { id: "asc" }, select: { id: true } })).id, "agencyId");

const staffRead = only({ prosecutor: 200, approver: 200 });

function row(name: string, make: (db: PrismaClient, procuratorateId: string, leadId?: string) => Promise<Awaited<ReturnType<WriteRow["targets"]>>["inScope"]>): WriteRow {
  return {
    name,
    as: "prosecutor",
    targets: async (ctx) => {
      const p = await procuratorates(ctx.db);
      return {
        outOfScope: await make(ctx.db, p.outOfScope),
        inScope: await make(ctx.db, p.inScope, ctx.userId!),
      };
    },
  };
}

const writes: WriteRow[] = [
  row("assess a point", async (db, procuratorateId, leadId) => {
    const f = await caseWithSubmittedReply(db, procuratorateId, { leadId });
    return {
      params: { caseId: f.caseId },
      form: { intent: "assess", pointId: f.pointIds[0]!, outcome: "rectified", findings: "矩阵测试核查" },
      state: () => db.pointAssessment.findMany({ where: { recommendationId: f.recommendationId } }),
    };
  }),
  row("reopen an assessment", async (db, procuratorateId, leadId) => {
    const f = await caseWithSubmittedReply(db, procuratorateId, { leadId });
    const assessedById = leadId ?? (await someUser(db, procuratorateId));
    const a = await db.pointAssessment.create({
      data: { recommendationId: f.recommendationId, pointId: f.pointIds[0]!, outcome: "rectified", findings: "核查", assessedById },
      select: { id: true },
    });
    return {
      params: { caseId: f.caseId },
      form: { intent: "reopen", assessmentId: a.id, reason: "矩阵测试重新评估" },
      state: () => db.pointAssessment.findUniqueOrThrow({ where: { id: a.id } }),
    };
  }),
  row("record a follow-up visit", async (db, procuratorateId, leadId) => {
    const f = await caseWithSubmittedReply(db, procuratorateId, { leadId });
    return {
      params: { caseId: f.caseId },
      form: { intent: "visit", visitedOn: "2026-11-20", place: "矩阵测试现场", findings: "矩阵测试走访" },
      state: () => db.followUpVisit.count({ where: { caseId: f.caseId } }),
    };
  }),
  row("take the escalation gate (pre-suit review)", async (db, procuratorateId, leadId) => {
    const f = await caseWithSubmittedReply(db, procuratorateId, { leadId, points: 1 });
    const assessedById = leadId ?? (await someUser(db, procuratorateId));
    await db.pointAssessment.create({
      data: { recommendationId: f.recommendationId, pointId: f.pointIds[0]!, outcome: "paper_only", findings: "未实际整改", assessedById },
    });
    const { version } = await db.case.findUniqueOrThrow({ where: { id: f.caseId }, select: { version: true } });
    return {
      params: { caseId: f.caseId },
      form: { intent: "escalate", offer: "pre_suit_review", reason: "矩阵测试", version: String(version) },
      state: () => db.case.findUniqueOrThrow({ where: { id: f.caseId }, select: { state: true, version: true } }),
    };
  }),
];

export const expectations: Expectations = {
  "routes/_staff.cases.$caseId.assessment": { params: caseParams, loader: staffRead, action: only({ prosecutor: 400 }), writes },
  "routes/_staff.agencies.$agencyId": { params: agencyParams, loader: staffRead },
};
