import { throttleWindowStart } from "~/domain/auth/throttle";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";

export function findUserByUsername(username: string) {
  return prisma.user.findUnique({ where: { username } });
}

export async function recentLoginFailures(username: string, ip: string | null, now: Date) {
  const since = throttleWindowStart(now);
  const [forUsername, forIp, oldest] = await Promise.all([
    prisma.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
    ip ? prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }) : 0,
    prisma.loginAttempt.findFirst({
      where: { username, success: false, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  return { failuresForUsername: forUsername, failuresForIp: forIp, oldestFailureAt: oldest?.createdAt ?? null };
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
