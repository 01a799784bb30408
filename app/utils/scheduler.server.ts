import os from "node:os";
import { randomUUID } from "node:crypto";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { writeAuditAnchor } from "~/models/audit-anchor.server";
import { claimJobRun, failJobRun, finishJobRun } from "~/models/job-run.server";
import { mailUnmailedNotifications, produceReminders } from "~/models/notification.server";
import { deliverOutbox } from "~/models/outbox.server";
import { sealLegacySmtpPasswords } from "~/models/reminder-settings.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

/**
 * Scheduled work, started by the production server (scripts/serve.mjs) in every worker process.
 * Each worker ticks; a job runs for a period (a day) in one process only, the one whose JobRun
 * lease claim succeeds (app/models/job-run.server.ts). A run that fails is retried after
 * RETRY_MS by whichever worker ticks then; a worker that dies mid-run leaves its lease to expire.
 */
export type ScheduledJob = {
  name: string;
  /** The period a run covers; the job runs at most once per period. */
  period: (now: Date) => string;
  /** How long a claim holds before another worker may take over an unfinished run. */
  leaseMs: number;
  run: (now: Date) => Promise<unknown>;
};

export const TICK_MS = 10 * 60 * 1000;
export const RETRY_MS = 15 * 60 * 1000;

export const JOBS: ScheduledJob[] = [
  {
    // The audit chain's head, written outside the database at least daily (issue 5 §5).
    name: "audit-anchor",
    period: (now) => dateInShanghai(now),
    leaseMs: 10 * 60 * 1000,
    run: (now) => writeAuditAnchor(prisma, getEnv().dataDir, now),
  },
  {
    // Due-date reminders (issue 11 §7): once a day (Asia/Shanghai), the day's due_soon / overdue
    // notifications and their e-mails (app/models/notification.server.ts).
    name: "reminders",
    period: (now) => dateInShanghai(now),
    leaseMs: 30 * 60 * 1000,
    run: (now) => produceReminders(prisma, now),
  },
  {
    // The e-mail outbox, every tick: mail the notifications others created (reply_arrived), then
    // deliver what is due through the procuratorate's SMTP connection (app/models/outbox.server.ts).
    name: "outbox",
    period: outboxPeriod,
    leaseMs: 5 * 60 * 1000,
    run: async (now) => {
      // A password stored in clear before sealing existed is sealed on the first run (decision 0023).
      await sealLegacySmtpPasswords(prisma);
      await mailUnmailedNotifications(prisma, now);
      return deliverOutbox(prisma, now);
    },
  },
];

/** The outbox's period: a ten-minute slot of UTC time ("2026-12-01T14:4"), one run each. */
export function outboxPeriod(now: Date): string {
  return now.toISOString().slice(0, 15);
}

/** host:pid:random, unique per process (and per scheduler in tests). */
export function schedulerOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export type JobOutcome = { job: string; period: string; ran: boolean; error?: string };

/** Runs every job whose period this worker claims; the others are left to whoever holds them. */
export async function runDueJobs(
  db: Tx,
  jobs: ScheduledJob[],
  owner: string,
  now: Date = new Date(),
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const period = job.period(now);
    const key = { job: job.name, period, owner };
    if (!(await claimJobRun(db, { ...key, now, leaseMs: job.leaseMs }))) {
      outcomes.push({ job: job.name, period, ran: false });
      continue;
    }
    try {
      await job.run(now);
      await finishJobRun(db, { ...key, now: new Date() });
      outcomes.push({ job: job.name, period, ran: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await failJobRun(db, { ...key, error: message, retryAt: new Date(Date.now() + RETRY_MS) });
      outcomes.push({ job: job.name, period, ran: true, error: message });
    }
  }
  return outcomes;
}

/**
 * Ticks every TICK_MS (first a few seconds after start, so a restart does not delay the server)
 * and logs what ran. The timer does not keep the process alive. Returns a stop function.
 */
export function startScheduler(options: { jobs?: ScheduledJob[]; tickMs?: number; log?: (line: string) => void } = {}) {
  const jobs = options.jobs ?? JOBS;
  const log = options.log ?? ((line: string) => console.log(line));
  const owner = schedulerOwner();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const o of await runDueJobs(prisma, jobs, owner)) {
        if (o.error) log(`[scheduler] ${o.job} ${o.period} failed: ${o.error} (retry in ${RETRY_MS / 60000} min)`);
        else if (o.ran) log(`[scheduler] ${o.job} ${o.period} done`);
      }
    } catch (error) {
      log(`[scheduler] tick failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const every = setInterval(tick, options.tickMs ?? TICK_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
