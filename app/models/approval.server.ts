import { APPROVAL_HISTORY_MAX, APPROVAL_QUEUE_MAX } from "~/domain/approval/list";
import { checkCanDecide } from "~/domain/approval/rules";
import { applyApproval } from "~/models/approval-apply.server";
import { can } from "~/domain/auth/policy";
import type { Role } from "~/domain/auth/roles";
import { recordAudit } from "~/models/audit.server";
import type { Prisma } from "~/utils/db.server";
import { prisma, sql } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";
import { pageWindow } from "~/utils/pagination";

// Approval requests (审批) of a procuratorate. Approvers see the whole queue; a prosecutor sees the
// requests they made. Approving applies what the request asks for in the same transaction
// (app/models/approval-apply.server.ts); a rejection returns the request to its author with the
// reason, and the author may ask again.

export const APPROVAL_PAGE_SIZE = 25;

export type ApprovalViewer = { userId: string; role: Role };

/** What a viewer may see: approvers everything of the procuratorate, others their own requests. */
function visibleWhere(procuratorateId: string, viewer: ApprovalViewer): Prisma.ApprovalWhereInput {
  return can(viewer, "approval:queue") ? { procuratorateId } : { procuratorateId, requestedById: viewer.userId };
}

const listSelect = {
  id: true,
  kind: true,
  subject: true,
  requestedAt: true,
  decision: true,
  decidedAt: true,
  comment: true,
  case: { select: { id: true, number: true, title: true } },
  requestedBy: { select: { id: true, displayName: true, post: true } },
  decidedBy: { select: { id: true, displayName: true, post: true } },
} satisfies Prisma.ApprovalSelect;

/**
 * The approvals page: the pending requests (oldest first, it is a queue; the first
 * APPROVAL_QUEUE_MAX), then the decided ones, most recent decision first, a page at a time within
 * the latest APPROVAL_HISTORY_MAX. Counts stop one past their cap, so no request reads every
 * approval of a province: each list walks an index of Approval in its order.
 */
export async function listApprovals(procuratorateId: string, viewer: ApprovalViewer, options: { page?: number } = {}) {
  const where = visibleWhere(procuratorateId, viewer);
  const decidedWhere: Prisma.ApprovalWhereInput = { ...where, decidedAt: { not: null }, decision: { not: "pending" } };
  const [pending, pendingTotal, decidedTotal] = await Promise.all([
    prisma.approval.findMany({
      where: { ...where, decision: "pending" },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: APPROVAL_QUEUE_MAX,
      select: listSelect,
    }),
    boundedApprovalCount(procuratorateId, viewer, "pending", APPROVAL_QUEUE_MAX),
    boundedApprovalCount(procuratorateId, viewer, "decided", APPROVAL_HISTORY_MAX),
  ]);
  const shown = Math.min(decidedTotal, APPROVAL_HISTORY_MAX);
  const { page, pages, skip, take } = pageWindow(shown, options.page ?? 1, APPROVAL_PAGE_SIZE);
  const decided = shown
    ? await prisma.approval.findMany({
        where: decidedWhere,
        orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
        skip,
        take,
        select: listSelect,
      })
    : [];
  return { pending, pendingTotal, decided, decidedTotal, page, pages };
}

/** Pending or decided requests the viewer may see, counted up to cap + 1. */
async function boundedApprovalCount(procuratorateId: string, viewer: ApprovalViewer, which: "pending" | "decided", cap: number) {
  const who = can(viewer, "approval:queue") ? sql`` : sql` AND a."requestedById" = ${viewer.userId}`;
  const state = which === "pending" ? sql`a."decision" = 'pending'` : sql`a."decidedAt" IS NOT NULL AND a."decision" <> 'pending'`;
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Approval" a
      WHERE a."procuratorateId" = ${procuratorateId}${who} AND ${state} LIMIT ${cap + 1})`;
  return Number(row?.n ?? 0);
}

/** One request with what the decision page shows; out of the viewer's scope → 404. */
export async function getApproval(procuratorateId: string, approvalId: string, viewer: ApprovalViewer) {
  const approval = await prisma.approval.findFirst({
    where: { ...visibleWhere(procuratorateId, viewer), id: approvalId },
    select: {
      ...listSelect,
      payload: true,
      requestedById: true,
      caseId: true,
      caseVersion: true,
      usedAt: true,
      hearing: { select: { id: true, title: true } },
      case: {
        select: {
          id: true,
          version: true,
          number: true,
          title: true,
          state: true,
          urgent: true,
          respondentAgency: { select: { name: true } },
          leadProsecutor: { select: { displayName: true } },
        },
      },
      extensions: { select: { id: true, deadline: true, extraDays: true, extraMonths: true, reason: true } },
    },
  });
  if (!approval) notFound();
  return approval;
}

/**
 * Records an approver's decision in one transaction with its audit event and, when approved, applies
 * what the request asks for (a failed application refuses the whole decision). Refuses (DomainError)
 * a request that is no longer pending or that the decider made; the update is conditional on the
 * request still being pending, so two approvers deciding at once cannot both succeed.
 */
export async function decideApproval(
  procuratorateId: string,
  approvalId: string,
  deciderId: string,
  input: { decision: "approved" | "rejected"; comment?: string | null }
) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.approval.findFirst({
      where: { id: approvalId, procuratorateId },
      select: {
        id: true,
        procuratorateId: true,
        decision: true,
        requestedById: true,
        caseId: true,
        hearingId: true,
        kind: true,
        payload: true,
        caseVersion: true,
      },
    });
    if (!current) notFound();
    const check = checkCanDecide(current, deciderId);
    if (!check.ok) throw new DomainError(check.reason, check.status);
    const decidedAt = new Date();
    const updated = await tx.approval.updateMany({
      where: { id: current.id, procuratorateId, decision: "pending" },
      data: { decision: input.decision, decidedById: deciderId, decidedAt, comment: input.comment ?? null },
    });
    if (updated.count !== 1) throw new DomainError("approvals.error.alreadyDecided", 409);
    await recordAudit(tx, {
      procuratorateId,
      actorId: deciderId,
      action: "approval.decide",
      entityType: "Approval",
      entityId: current.id,
      caseId: current.caseId,
      data: { kind: current.kind, decision: input.decision, comment: input.comment ?? null },
      at: decidedAt,
    });
    const effect = input.decision === "approved" ? await applyApproval(tx, current, deciderId, decidedAt) : null;
    return { id: current.id, decision: input.decision, decidedAt, effect };
  });
}

/**
 * The approval requests of one case, newest first, for the case page: pending ones (awaiting the
 * chief), rejected ones with the reason (returned to their author, who may ask again), approved
 * ones with whether they were applied. Bounded: a case has few requests, the newest 50 are shown.
 */
export async function listCaseApprovals(procuratorateId: string, caseId: string) {
  return prisma.approval.findMany({
    where: { procuratorateId, caseId },
    orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: {
      id: true,
      kind: true,
      subject: true,
      decision: true,
      requestedAt: true,
      decidedAt: true,
      usedAt: true,
      comment: true,
      requestedBy: { select: { id: true, displayName: true } },
      decidedBy: { select: { id: true, displayName: true } },
    },
  });
}
