import { WITHIN_DEFAULT_DAYS } from "~/domain/deadlines/board";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { countBoard } from "~/models/deadline-board.server";
import { cachedDeadlineCount } from "~/models/deadline-cache.server";
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
 * Overdue deadlines of the cases a prosecutor leads or works on, for the navigation badge: a
 * bounded count on the board's index (app/models/deadline-board.server.ts), on every staff page,
 * so kept per worker until a deadline, a team or the date changes (deadline-cache.server.ts).
 */
export function myOverdueCount(procuratorateId: string, userId: string, today: string = dateInShanghai()) {
  return cachedDeadlineCount(procuratorateId, today, `overdue-badge|${userId}`, () =>
    countBoard(procuratorateId, {
      filter: { status: "overdue", scope: "mine", days: WITHIN_DEFAULT_DAYS },
      userId,
      today,
      cap: NAV_COUNT_CAP,
    })
  );
}
