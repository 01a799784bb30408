import type { Role } from "~/domain/auth/roles";
import { checkThrottle, throttleWindowStart } from "~/domain/auth/throttle";
import { recordAudit } from "~/models/audit.server";
import { findUserByUsername, recordLoginAttempt } from "~/models/user.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";

export type LoginResult =
  | { ok: true; userId: string; role: Role | string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/** Failures in the window before the attempt `attemptId`, per pair, per address and per username. */
async function failuresBefore(tx: Tx, attemptId: number, username: string, ip: string | null, now: Date) {
  const base = { success: false, createdAt: { gte: throttleWindowStart(now) }, id: { not: attemptId } };
  const oldest = (where: object) =>
    tx.loginAttempt.findFirst({ where: { ...base, ...where }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  const [forPair, forIp, forUsername, oldestPair, oldestIp] = await Promise.all([
    tx.loginAttempt.count({ where: { ...base, username, ip } }),
    ip ? tx.loginAttempt.count({ where: { ...base, ip } }) : 0,
    tx.loginAttempt.count({ where: { ...base, username } }),
    oldest({ username, ip }),
    ip ? oldest({ ip }) : null,
  ]);
  return {
    failuresForPair: forPair,
    failuresForIp: forIp,
    failuresForUsername: forUsername,
    oldestPairFailureAt: oldestPair?.createdAt ?? null,
    oldestIpFailureAt: oldestIp?.createdAt ?? null,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks a username and password, honouring the failed-login throttle (app/domain/auth/throttle.ts),
 * and records the attempt (and, on success, an audit event).
 *
 * The attempt is recorded as a failure and the earlier failures are counted in one write
 * transaction, so concurrent attempts cannot all be judged against the same count: SQLite runs
 * write transactions one at a time, and each one sees the rows of those before it.
 */
export async function attemptLogin(username: string, password: string, ip: string | null): Promise<LoginResult> {
  const now = new Date();
  const gate = await prisma.$transaction(async (tx) => {
    const attempt = await recordLoginAttempt(tx, username, ip, false);
    const throttle = checkThrottle({ ...(await failuresBefore(tx, attempt.id, username, ip, now)), now });
    // Attempts refused during a lockout are not kept: they must not extend it (nor let anyone keep it going).
    if (throttle.throttled) await tx.loginAttempt.delete({ where: { id: attempt.id } });
    return { attemptId: attempt.id, throttle };
  });
  if (gate.throttle.throttled) {
    return { ok: false, reason: "throttled", retryAfterMinutes: gate.throttle.retryAfterMinutes };
  }
  // Many failures for this username from elsewhere only slow it down: the right password still works.
  if (gate.throttle.delayMs > 0) await sleep(gate.throttle.delayMs);

  const user = await findUserByUsername(username);
  const valid = (await verifyPassword(user?.passwordHash, password)) && !!user?.active;
  if (!user || !valid) return { ok: false, reason: "invalid" }; // the attempt stays recorded as a failure
  await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: gate.attemptId }, data: { success: true } });
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
