import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";

export function findUserByUsername(username: string) {
  return prisma.user.findUnique({ where: { username } });
}

export function recordLoginAttempt(tx: Tx, username: string, ip: string | null, success: boolean) {
  return tx.loginAttempt.create({ data: { username, ip, success } });
}

/** Staff users of a procuratorate, for the admin area. */
export function listUsers(procuratorateId: string) {
  return prisma.user.findMany({
    where: { procuratorateId },
    orderBy: [{ role: "asc" }, { username: "asc" }],
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      post: true,
      department: true,
      active: true,
      lastLoginAt: true,
      agency: { select: { name: true } },
      panelist: { select: { name: true } },
    },
  });
}

/**
 * Deactivates or reactivates an account of the procuratorate (admin area). Deactivating also
 * revokes the account's open sessions, so it is signed out at once. Another procuratorate's user
 * is not found.
 */
export async function setUserActive(procuratorateId: string, actorId: string, userId: string, active: boolean) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, procuratorateId }, select: { id: true, active: true } });
    if (!user) return null;
    if (user.active === active) return { changed: false, sessionsRevoked: 0 };
    await tx.user.update({ where: { id: user.id }, data: { active } });
    const now = new Date();
    const { count } = active
      ? { count: 0 }
      : await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: user.id,
      data: active ? undefined : { sessionsRevoked: count },
      at: now,
    });
    return { changed: true, sessionsRevoked: count };
  });
}
