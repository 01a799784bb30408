import type { Role } from "~/domain/auth/roles";
import { checkThrottle } from "~/domain/auth/throttle";
import { recordAudit } from "~/models/audit.server";
import { findUserByUsername, recentLoginFailures, recordLoginAttempt } from "~/models/user.server";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

export type LoginResult =
  | { ok: true; userId: string; role: Role | string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/**
 * Checks a username and password, honouring the failed-login throttle, and records the attempt
 * (and, on success, an audit event) in one transaction.
 */
export async function attemptLogin(username: string, password: string, ip: string | null): Promise<LoginResult> {
  const now = new Date();
  const throttle = checkThrottle({ ...(await recentLoginFailures(username, ip, now)), now });
  if (throttle.throttled) {
    // Not recorded: attempts during a lockout must not extend it (nor let anyone keep it going).
    return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  }
  const user = await findUserByUsername(username);
  const valid = (await verifyPassword(user?.passwordHash, password)) && !!user?.active;
  if (!user || !valid) {
    await prisma.$transaction((tx) => recordLoginAttempt(tx, username, ip, false));
    return { ok: false, reason: "invalid" };
  }
  await prisma.$transaction(async (tx) => {
    await recordLoginAttempt(tx, username, ip, true);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await recordAudit(tx, {
      procuratorateId: user.procuratorateId,
      actorId: user.id,
      action: "user.login",
      entityType: "User",
      entityId: user.id,
    });
  });
  return { ok: true, userId: user.id, role: user.role };
}
