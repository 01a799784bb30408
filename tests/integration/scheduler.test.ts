import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { anchorDir } from "~/models/audit-anchor.server";
import { claimJobRun } from "~/models/job-run.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { ScheduledJob } from "~/utils/scheduler.server";
import { JOBS, RETRY_MS, runDueJobs, schedulerOwner } from "~/utils/scheduler.server";

// Scheduled work runs in one process only: every worker ticks, the JobRun lease decides.
// "Workers" here are separate Prisma clients, each with its own SQLite connection, as separate
// processes would have.

const workers = Array.from({ length: 4 }, () => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: getEnv().databaseUrl }) }));
afterAll(() => Promise.all(workers.map((w) => w.$disconnect())));

let jobCounter = 0;
/** A job that counts its runs (slow enough that the claimers overlap). */
function countingJob(fail = false): ScheduledJob & { runs: number } {
  const job = {
    name: `test-job-${++jobCounter}`,
    period: (now: Date) => now.toISOString().slice(0, 10),
    leaseMs: 60_000,
    runs: 0,
    run: async () => {
      job.runs += 1;
      await new Promise((r) => setTimeout(r, 50));
      if (fail) throw new Error("disk full");
    },
  };
  return job;
}

const at = (iso: string) => new Date(iso);

describe("the scheduler's lease", () => {
  test("two workers ticking at the same moment: exactly one runs the day's job", async () => {
    const job = countingJob();
    const now = at("2026-12-01T01:00:00Z");
    const outcomes = await Promise.all(workers.slice(0, 2).map((db) => runDueJobs(db, [job], schedulerOwner(), now)));
    expect(job.runs).toBe(1);
    expect(outcomes.flat().filter((o) => o.ran)).toHaveLength(1);
    const row = await prisma.jobRun.findUniqueOrThrow({ where: { job_period: { job: job.name, period: "2026-12-01" } } });
    expect(row.finishedAt).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  test("five claimers at once (four connections and this process's): one claim succeeds", async () => {
    const key = { job: `claim-${++jobCounter}`, period: "2026-12-01", now: at("2026-12-01T01:00:00Z"), leaseMs: 60_000 };
    const claims = await Promise.all([...workers, prisma].map((db) => claimJobRun(db, { ...key, owner: schedulerOwner() })));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  test("at most once a day: later ticks of the same day do nothing, the next day runs again", async () => {
    const job = countingJob();
    await runDueJobs(workers[0]!, [job], schedulerOwner(), at("2026-12-01T01:00:00Z"));
    await runDueJobs(workers[1]!, [job], schedulerOwner(), at("2026-12-01T13:00:00Z"));
    await runDueJobs(workers[0]!, [job], schedulerOwner(), at("2026-12-01T23:59:00Z"));
    expect(job.runs).toBe(1);
    await runDueJobs(workers[1]!, [job], schedulerOwner(), at("2026-12-02T00:10:00Z"));
    expect(job.runs).toBe(2);
  });

  test("a failed run is recorded and retried by any worker once RETRY_MS has passed", async () => {
    const job = countingJob(true);
    const t0 = Date.now();
    const now = new Date(t0);
    const [first] = await runDueJobs(workers[0]!, [job], schedulerOwner(), now);
    expect(first).toMatchObject({ ran: true, error: "disk full" });
    const key = { job_period: { job: job.name, period: job.period(now) } };
    expect(await prisma.jobRun.findUniqueOrThrow({ where: key })).toMatchObject({ lastError: "disk full", finishedAt: null });
    // Before the retry time nobody runs it.
    await runDueJobs(workers[1]!, [job], schedulerOwner(), new Date(t0 + RETRY_MS / 2));
    expect(job.runs).toBe(1);
    // After it, one worker does.
    await Promise.all(workers.map((db) => runDueJobs(db, [job], schedulerOwner(), new Date(t0 + RETRY_MS + 60_000))));
    expect(job.runs).toBe(2);
    expect((await prisma.jobRun.findUniqueOrThrow({ where: key })).attempts).toBe(2);
  });

  test("a worker that died holding the lease: another takes over once the lease has run out", async () => {
    const key = { job: `dead-${++jobCounter}`, period: "2026-12-01", leaseMs: 60_000 };
    expect(await claimJobRun(workers[0]!, { ...key, owner: "dead-worker", now: at("2026-12-01T01:00:00Z") })).toBe(true);
    expect(await claimJobRun(workers[1]!, { ...key, owner: schedulerOwner(), now: at("2026-12-01T01:00:30Z") })).toBe(false);
    expect(await claimJobRun(workers[1]!, { ...key, owner: schedulerOwner(), now: at("2026-12-01T01:01:30Z") })).toBe(true);
  });

  test("the daily audit anchor: two workers ticking write one anchor file for the day", async () => {
    const files = () => (fs.existsSync(anchorDir(getEnv().dataDir)) ? fs.readdirSync(anchorDir(getEnv().dataDir)).length : 0);
    const before = files();
    const now = new Date();
    const outcomes = await Promise.all(workers.slice(0, 2).map((db) => runDueJobs(db, JOBS, schedulerOwner(), now)));
    const anchor = outcomes.flat().filter((o) => o.job === "audit-anchor");
    expect(anchor.filter((o) => o.ran && !o.error)).toHaveLength(1);
    expect(files()).toBe(before + 1);
    await runDueJobs(workers[2]!, JOBS, schedulerOwner(), new Date(now.getTime() + 60_000));
    expect(files()).toBe(before + 1);
  });
});
