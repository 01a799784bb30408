import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";

// The lease rows of scheduled work (JobRun): one row per job and period. Every worker process
// ticks; the database decides which one runs a period's job. A plain insert and single-statement
// conditional updates (standard SQL, the same on PostgreSQL).

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Claims the run of `job` for `period` for `owner` until now + leaseMs. True for exactly one
 * claimer: the first insert wins (the primary key refuses the others), and later only a takeover
 * of a run that was never finished and whose lease has run out (its worker died, or it failed
 * and its retry time has come).
 */
export async function claimJobRun(
  db: Tx,
  input: { job: string; period: string; owner: string; now: Date; leaseMs: number },
): Promise<boolean> {
  const { job, period, owner, now } = input;
  const leaseUntil = new Date(now.getTime() + input.leaseMs);
  try {
    await db.jobRun.create({ data: { job, period, claimedBy: owner, claimedAt: now, leaseUntil } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // One UPDATE statement, not updateMany: Prisma runs updateMany in a deferred transaction (read,
  // then write), which SQLite in WAL mode refuses with SQLITE_BUSY when another connection wrote
  // in between; a single statement waits for the write lock and sees the latest row.
  const count = await db.$executeRaw`
    UPDATE "JobRun"
    SET "claimedBy" = ${owner}, "claimedAt" = ${now}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "job" = ${job} AND "period" = ${period} AND "finishedAt" IS NULL AND "leaseUntil" < ${now}`;
  return count === 1;
}

/** Marks the owner's run done: no other worker runs this period's job again. */
export async function finishJobRun(db: Tx, input: { job: string; period: string; owner: string; now: Date }) {
  await db.$executeRaw`
    UPDATE "JobRun" SET "finishedAt" = ${input.now}, "lastError" = NULL
    WHERE "job" = ${input.job} AND "period" = ${input.period} AND "claimedBy" = ${input.owner}`;
}

/** Records a failed run; any worker may try again from `retryAt`. */
export async function failJobRun(
  db: Tx,
  input: { job: string; period: string; owner: string; error: string; retryAt: Date },
) {
  await db.$executeRaw`
    UPDATE "JobRun" SET "lastError" = ${input.error.slice(0, 1000)}, "leaseUntil" = ${input.retryAt}
    WHERE "job" = ${input.job} AND "period" = ${input.period} AND "claimedBy" = ${input.owner} AND "finishedAt" IS NULL`;
}
