import type { BoardFilter } from "~/domain/deadlines/board";
import { WITHIN_DEFAULT_DAYS } from "~/domain/deadlines/board";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { WORK_COUNT_CAP } from "~/domain/work/limits";
import { countBoard, deadlineBoardPage } from "~/models/deadline-board.server";
import { prisma, sql } from "~/utils/db.server";

// "My work": what a prosecutor has to do next, read from the stored deadlines and the approval
// queue, for the cases they lead or are a member of. Scoped to their procuratorate. Every list is
// the first WORK_LIST_SIZE rows with a bounded count and a link to the full, paged list.

/** How far back a rejected request stays on the list (it returns to its author with the reason). */
export const RETURNED_DAYS = 30;
/** Rows a /work list shows; the rest are a link away (/deadlines, /approvals). */
export const WORK_LIST_SIZE = 20;


const mineOverdue: BoardFilter = { status: "overdue", scope: "mine", days: WITHIN_DEFAULT_DAYS };
const mineDueSoon: BoardFilter = { status: "due_soon", scope: "mine", days: WITHIN_DEFAULT_DAYS };

export async function myWork(procuratorateId: string, userId: string, today: string = dateInShanghai()) {
  const mine = { OR: [{ leadProsecutorId: userId }, { members: { some: { userId } } }] };
  const since = new Date(Date.now() - RETURNED_DAYS * 86_400_000);
  const approvalSelect = {
    id: true,
    kind: true,
    subject: true,
    requestedAt: true,
    decidedAt: true,
    comment: true,
    case: { select: { id: true, number: true, title: true } },
  } as const;
  const awaitingWhere = { procuratorateId, decision: "pending", OR: [{ requestedById: userId }, { case: mine }] };
  const [overdue, overdueCount, dueSoon, dueSoonCount, awaiting, awaitingCount, returned, caseCount] = await Promise.all([
    deadlineBoardPage(procuratorateId, { filter: mineOverdue, userId, today, pageSize: WORK_LIST_SIZE }),
    countBoard(procuratorateId, { filter: mineOverdue, userId, today, cap: WORK_COUNT_CAP }),
    deadlineBoardPage(procuratorateId, { filter: mineDueSoon, userId, today, pageSize: WORK_LIST_SIZE }),
    countBoard(procuratorateId, { filter: mineDueSoon, userId, today, cap: WORK_COUNT_CAP }),
    prisma.approval.findMany({
      where: awaitingWhere,
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      take: WORK_LIST_SIZE,
      select: approvalSelect,
    }),
    boundedAwaitingCount(procuratorateId, userId),
    prisma.approval.findMany({
      where: { procuratorateId, decision: "rejected", requestedById: userId, decidedAt: { gte: since } },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      take: WORK_LIST_SIZE,
      select: approvalSelect,
    }),
    myOpenCaseCount(procuratorateId, userId),
  ]);
  return {
    today,
    overdue: overdue.items,
    dueSoon: dueSoon.items,
    awaiting,
    returned,
    counts: { overdue: overdueCount, dueSoon: dueSoonCount, awaiting: awaitingCount, cases: caseCount },
  };
}

/**
 * Pending requests the prosecutor made or that concern their cases, counted up to the cap + 1:
 * along the queue's index, checking each request's case (the queue is short next to the cases).
 */
async function boundedAwaitingCount(procuratorateId: string, userId: string) {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT 1 FROM "Approval" a
      WHERE a."procuratorateId" = ${procuratorateId} AND a."decision" = 'pending' AND (a."requestedById" = ${userId}
        OR EXISTS (SELECT 1 FROM "Case" c WHERE c."id" = a."caseId" AND (c."leadProsecutorId" = ${userId}
          OR EXISTS (SELECT 1 FROM "CaseMember" m WHERE m."caseId" = c."id" AND m."userId" = ${userId}))))
      LIMIT ${WORK_COUNT_CAP + 1})`;
  return Number(row?.n ?? 0);
}

/**
 * Open cases the prosecutor leads or works on, counted up to the cap + 1: the cases they lead (index
 * on lead, state), then those they are a member of and do not lead (their CaseMember rows first:
 * CROSS JOIN fixes the order). UNION ALL of disjoint parts, so nothing is sorted to remove duplicates.
 */
async function myOpenCaseCount(procuratorateId: string, userId: string) {
  const open = sql`NOT IN ('closed', 'not_filed')`;
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT c."id" FROM "Case" c WHERE c."leadProsecutorId" = ${userId} AND c."procuratorateId" = ${procuratorateId} AND c."state" ${open}
      UNION ALL
      SELECT c."id" FROM "CaseMember" m CROSS JOIN "Case" c ON c."id" = m."caseId"
      WHERE m."userId" = ${userId} AND c."leadProsecutorId" <> ${userId} AND c."procuratorateId" = ${procuratorateId} AND c."state" ${open}
      LIMIT ${WORK_COUNT_CAP + 1})`;
  return Number(row?.n ?? 0);
}
