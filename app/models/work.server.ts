import { dateInShanghai } from "~/domain/deadlines/dates";
import { listDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";

// "My work": what a prosecutor has to do next, read from the stored deadlines and the approval
// queue, for the cases they lead or are a member of. Scoped to their procuratorate.

/** How far back a rejected request stays on the list (it returns to its author with the reason). */
export const RETURNED_DAYS = 30;

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
  const [overdue, dueSoon, awaiting, returned, caseCount] = await Promise.all([
    listDeadlines(procuratorateId, { today, userId, filter: { status: "overdue" } }),
    listDeadlines(procuratorateId, { today, userId, filter: { status: "due_soon" } }),
    prisma.approval.findMany({
      where: { procuratorateId, decision: "pending", OR: [{ requestedById: userId }, { case: mine }] },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      select: approvalSelect,
    }),
    prisma.approval.findMany({
      where: { procuratorateId, decision: "rejected", requestedById: userId, decidedAt: { gte: since } },
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      select: approvalSelect,
    }),
    prisma.case.count({ where: { procuratorateId, state: { notIn: ["closed", "not_filed"] }, ...mine } }),
  ]);
  return { today, overdue: overdue.items, dueSoon: dueSoon.items, awaiting, returned, caseCount };
}
