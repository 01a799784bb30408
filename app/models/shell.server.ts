import { addDays, dateInShanghai } from "~/domain/deadlines/dates";
import type { IsoDate } from "~/domain/deadlines/dates";
import type { Authorized } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

/** What the top bar shows about the signed-in user: name, and the organisation they act for. */
export async function shellInfo({ actor, scope }: Authorized) {
  if (scope.kind === "agency") {
    const agency = await prisma.agency.findFirst({
      where: { id: scope.agencyId, procuratorateId: scope.procuratorateId },
      select: { name: true },
    });
    return { displayName: actor.displayName, role: actor.role, organisation: agency?.name ?? null };
  }
  const procuratorate = await prisma.procuratorate.findUnique({
    where: { id: scope.procuratorateId },
    select: { name: true },
  });
  return { displayName: actor.displayName, role: actor.role, organisation: procuratorate?.name ?? null };
}

/** A navigation badge counts up to this and then shows "99+" (app/components/layout/app-shell.tsx). */
export const NAV_COUNT_CAP = 99;

/** Pending approvals for an approver's navigation badge, counted up to the cap + 1 (one index range). */
export async function pendingApprovalCount(procuratorateId: string) {
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Approval" a
      WHERE a."procuratorateId" = ${procuratorateId} AND a."decision" = 'pending' LIMIT ${NAV_COUNT_CAP + 1})`;
  return Number(row?.n ?? 0);
}

/**
 * Overdue deadlines of the cases a prosecutor leads or works on, for the navigation badge on every
 * staff page: the board's "mine" + "overdue" (app/models/deadline-board.server.ts), counted up to
 * NAV_COUNT_CAP + 1 without walking the procuratorate's overdue deadlines. A running clock other
 * than a hearing notice that is overdue makes its case's stored next due date (Case.nextDueOn) pass,
 * so those deadlines are found from the viewer's cases with a passed next due date (by the index
 * (leadProsecutorId, nextDueOn) and CaseMember); hearing notices, which nextDueOn leaves out, are
 * few and are checked one by one. tests/integration/deadline-board.test.ts holds it equal to the
 * board's count.
 */
export async function myOverdueCount(procuratorateId: string, userId: string, today: IsoDate = dateInShanghai()) {
  const yesterday = addDays(today, -1);
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (
      SELECT d."id" FROM (
          SELECT c."id" FROM "Case" c
          WHERE c."leadProsecutorId" = ${userId} AND c."nextDueOn" < ${today} AND +c."procuratorateId" = ${procuratorateId}
          UNION
          SELECT c."id" FROM "CaseMember" m CROSS JOIN "Case" c ON c."id" = m."caseId"
          WHERE m."userId" = ${userId} AND c."nextDueOn" < ${today} AND c."procuratorateId" = ${procuratorateId}
        ) mc
        CROSS JOIN "DeadlineCase" dc ON dc."caseId" = mc."id"
        CROSS JOIN "Deadline" d ON d."id" = dc."deadlineId"
      WHERE d."procuratorateId" = ${procuratorateId} AND d."kind" <> 'hearing_notice'
        AND d."pausedSince" IS NULL AND d."dueOn" <= ${yesterday}
      UNION
      SELECT d."id" FROM "Deadline" d
      WHERE d."procuratorateId" = ${procuratorateId} AND d."kind" = 'hearing_notice' AND d."triggerOn" >= ${today}
        AND d."pausedSince" IS NULL AND d."dueOn" <= ${yesterday}
        AND EXISTS (SELECT 1 FROM "DeadlineCase" dc JOIN "Case" c ON c."id" = dc."caseId"
          WHERE dc."deadlineId" = d."id" AND (c."leadProsecutorId" = ${userId}
            OR EXISTS (SELECT 1 FROM "CaseMember" m WHERE m."caseId" = c."id" AND m."userId" = ${userId})))
      LIMIT ${NAV_COUNT_CAP + 1})`;
  return Number(row?.n ?? 0);
}
