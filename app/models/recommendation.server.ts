import { recommendationGuard } from "~/domain/case/guards";
import { approvalSubject } from "~/domain/case/next-steps";
import type { RecommendationAction } from "~/domain/recommendation/schemas";
import { isDraftEditable, mayDraft, movePoint } from "~/domain/recommendation/schemas";
import { assertNoPendingHearingDecision } from "~/models/hearing-decision.server";
import { requestApproval } from "~/models/approval-request.server";
import { recordAudit } from "~/models/audit.server";
import { guardFactsOf } from "~/models/case-steps.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// 检察建议 drafts and letters of a case (规则 Art 75; 建议规定 Arts 16, 20). Every function takes
// the procuratorate first and filters by it, so another procuratorate's case is "not found".

/** The case's recommendations with their points, oldest first. */
export async function listRecommendations(procuratorateId: string, caseId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      recommendations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          number: true,
          status: true,
          facts: true,
          reasons: true,
          legalBasis: true,
          replyPeriod: true,
          objectionDays: true,
          ccList: true,
          issuedOn: true,
          submittedAt: true,
          points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
        },
      },
    },
  });
  if (!found) notFound();
  return found.recommendations;
}
export type RecommendationView = Awaited<ReturnType<typeof listRecommendations>>[number];

// ── writing the draft ──

type Db = Tx;

/** The case, in scope, at the version the form was shown at (else 409). */
async function caseAt(tx: Db, procuratorateId: string, caseId: string, version: number) {
  const kase = await tx.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: { id: true, state: true, version: true, title: true, number: true },
  });
  if (!kase) notFound();
  if (kase.version !== version) throw new DomainError("casepage.error.stale", 409);
  return kase;
}

/** The case's recommendation by id, editable (else 409: read-only once submitted). */
async function editableDraft(tx: Db, caseId: string, recommendationId: string) {
  const rec = await tx.recommendation.findFirst({
    where: { id: recommendationId, caseId },
    select: {
      id: true,
      status: true,
      facts: true,
      reasons: true,
      legalBasis: true,
      replyPeriod: true,
      objectionDays: true,
      ccList: true,
      points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
    },
  });
  if (!rec) notFound();
  const latest = await latestApproval(tx, caseId, rec.id);
  if (!isDraftEditable(rec.status, latest?.decision ?? null)) throw new DomainError("casepage.rec.error.readOnly", 409);
  return rec;
}

/** The latest `recommendation` approval request about this draft (payload names it). */
async function latestApproval(db: Db | typeof prisma, caseId: string, recommendationId: string) {
  const rows = await db.approval.findMany({
    where: { caseId, kind: "recommendation" },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    select: { id: true, decision: true, comment: true, payload: true },
  });
  return rows.find((r) => payloadNames(r.payload, recommendationId)) ?? null;
}

function payloadNames(payload: string | null, recommendationId: string): boolean {
  try {
    return (JSON.parse(payload ?? "{}") as { recommendationId?: unknown }).recommendationId === recommendationId;
  } catch {
    return false;
  }
}

/**
 * For each of the case's recommendations: whether it may still be edited, and its latest
 * `recommendation` approval request (decision and the approver's comment), for the tab.
 */
export async function recommendationApprovalStates(procuratorateId: string, caseId: string) {
  const recs = await prisma.recommendation.findMany({
    where: { caseId, case: { procuratorateId } },
    select: { id: true, status: true },
  });
  const out: Record<string, { editable: boolean; decision: string | null; comment: string | null; approvalId: string | null }> = {};
  for (const r of recs) {
    const latest = await latestApproval(prisma, caseId, r.id);
    out[r.id] = {
      editable: isDraftEditable(r.status, latest?.decision ?? null),
      decision: latest?.decision ?? null,
      comment: latest?.comment ?? null,
      approvalId: latest?.id ?? null,
    };
  }
  return out;
}

const audit = (tx: Db, procuratorateId: string, actorId: string, caseId: string, recId: string, action: string, data: unknown) =>
  recordAudit(tx, { procuratorateId, actorId, action, entityType: "Recommendation", entityId: recId, caseId, data });

/** Writes one action of the recommendation tab in one transaction with its audit event. */
export async function applyRecommendationAction(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: RecommendationAction,
): Promise<{ recommendationId: string; approvalId?: string }> {
  return prisma.$transaction(async (tx) => {
    const kase = await caseAt(tx, procuratorateId, caseId, input.version);
    switch (input.intent) {
      case "create": {
        if (!mayDraft(kase.state)) throw new DomainError("casepage.rec.error.state", 409);
        const open = await tx.recommendation.count({ where: { caseId: kase.id, status: { in: ["draft", "pending_approval"] } } });
        if (open > 0) throw new DomainError("casepage.rec.error.draftExists", 409);
        const { intent: _i, version: _v, ...fields } = input;
        const row = await tx.recommendation.create({ data: { caseId: kase.id, procuratorateId, ...fields, createdById: actorId }, select: { id: true } });
        await audit(tx, procuratorateId, actorId, kase.id, row.id, "recommendation.create", { before: null, after: fields });
        return { recommendationId: row.id };
      }
      case "update": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        const { intent: _i, version: _v, recommendationId: _r, ...fields } = input;
        const before = {
          facts: rec.facts,
          reasons: rec.reasons,
          legalBasis: rec.legalBasis,
          replyPeriod: rec.replyPeriod,
          objectionDays: rec.objectionDays,
          ccList: rec.ccList,
        };
        await tx.recommendation.update({ where: { id: rec.id }, data: { ...fields, objectionDays: fields.objectionDays ?? null } });
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.update", changed(before, { ...fields, objectionDays: fields.objectionDays ?? null }));
        return { recommendationId: rec.id };
      }
      case "addPoint": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        const ordinal = (rec.points.at(-1)?.ordinal ?? 0) + 1;
        const point = await tx.recommendationPoint.create({ data: { recommendationId: rec.id, ordinal, text: input.text }, select: { id: true } });
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.point.add", { pointId: point.id, before: null, after: { ordinal, text: input.text } });
        return { recommendationId: rec.id };
      }
      case "editPoint": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        const point = rec.points.find((p) => p.id === input.pointId);
        if (!point) notFound();
        await tx.recommendationPoint.update({ where: { id: point.id }, data: { text: input.text } });
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.point.edit", {
          pointId: point.id,
          before: { text: point.text },
          after: { text: input.text },
        });
        return { recommendationId: rec.id };
      }
      case "deletePoint": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        const point = rec.points.find((p) => p.id === input.pointId);
        if (!point) notFound();
        await tx.recommendationPoint.delete({ where: { id: point.id } });
        await renumber(tx, rec.points.filter((p) => p.id !== point.id).map((p) => p.id));
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.point.delete", {
          pointId: point.id,
          before: { ordinal: point.ordinal, text: point.text },
          after: null,
        });
        return { recommendationId: rec.id };
      }
      case "moveUp":
      case "moveDown": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        const ids = rec.points.map((p) => p.id);
        const order = movePoint(ids, input.pointId, input.intent === "moveUp" ? "up" : "down");
        if (!order) notFound();
        await renumber(tx, order);
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.point.move", {
          pointId: input.pointId,
          before: { order: ids },
          after: { order },
        });
        return { recommendationId: rec.id };
      }
      case "submit": {
        const rec = await editableDraft(tx, kase.id, input.recommendationId);
        // The recommendation edge is recommending → rectification (规则 Arts 75, 76).
        if (kase.state !== "recommending") throw new DomainError("casepage.rec.error.notRecommending", 409);
        const guard = recommendationGuard(await guardFactsOf(tx, kase.id, rec.id));
        if (!guard.ok) throw new DomainError(guard.reason, 409);
        // Issue 9 item 7 (听证规定 Art 16): the decision after a hearing is recorded first.
        await assertNoPendingHearingDecision(tx, procuratorateId, kase.id);
        const approval = await requestApproval(
          {
            procuratorateId,
            requestedById: actorId,
            kind: "recommendation",
            subject: approvalSubject("recommendation", kase),
            caseId: kase.id,
            payload: { recommendationId: rec.id, reason: undefined },
          },
          tx,
        );
        const at = new Date();
        await tx.recommendation.update({ where: { id: rec.id }, data: { status: "pending_approval", submittedAt: at } });
        await audit(tx, procuratorateId, actorId, kase.id, rec.id, "recommendation.submit", {
          approvalId: approval.id,
          before: { status: rec.status },
          after: { status: "pending_approval" },
        });
        return { recommendationId: rec.id, approvalId: approval.id };
      }
    }
  });
}

/** Gives the points ordinals 1..n in the given order (through negatives: ordinals are unique). */
async function renumber(tx: Db, ids: readonly string[]) {
  for (const [i, id] of ids.entries()) await tx.recommendationPoint.update({ where: { id }, data: { ordinal: -(i + 1) } });
  for (const [i, id] of ids.entries()) await tx.recommendationPoint.update({ where: { id }, data: { ordinal: i + 1 } });
}

/** The before and after of the fields that changed. */
function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
