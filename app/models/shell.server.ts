import { countDeadlines } from "~/models/deadline.server";
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

/** Pending approvals for an approver's navigation badge. */
export function pendingApprovalCount(procuratorateId: string) {
  return prisma.approval.count({ where: { procuratorateId, decision: "pending" } });
}

/** Overdue deadlines of the cases a prosecutor leads or works on, for the navigation badge. */
export async function myOverdueCount(procuratorateId: string, userId: string) {
  return (await countDeadlines(procuratorateId, { userId })).overdue;
}
