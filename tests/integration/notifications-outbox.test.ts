import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { MAX_ATTEMPTS } from "~/domain/notifications/outbox";
import { markAllRead, produceReminders, unreadCount } from "~/models/notification.server";
import { deliverOutbox } from "~/models/outbox.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { JOBS, runDueJobs, schedulerOwner } from "~/utils/scheduler.server";

// Reminders and the e-mail outbox against a real SQLite copy and a local SMTP sink.

const received: { to: string; body: string }[] = [];
let sink: SMTPServer;
let port = 0;
let failNext = false;

beforeAll(async () => {
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, cb) {
      if (failNext) return cb(new Error("mailbox unavailable"));
      cb();
    },
    onData(stream, session, cb) {
      let body = "";
      stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", () => resolve()));
  port = (sink.server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

async function gui() {
  return prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" }, select: { id: true } });
}

/** A deadline due `dueOn` on a seeded case of 桂, whose lead gets an e-mail address. */
async function deadlineOn(dueOn: string) {
  const p = await gui();
  const c = await prisma.case.findFirstOrThrow({ where: { procuratorateId: p.id }, select: { id: true, leadProsecutorId: true } });
  await prisma.user.update({ where: { id: c.leadProsecutorId }, data: { email: "lead@example.cn" } });
  const d = await prisma.deadline.create({
    data: {
      procuratorateId: p.id,
      key: `test:${Math.random()}`,
      kind: "pre_suit_review",
      ruleId: "pre_suit_review",
      party: "procuratorate",
      triggerOn: "2026-11-01",
      dueOn,
      periodEndOn: dueOn,
      steps: "[]",
      basis: "test",
      cases: { create: { caseId: c.id } },
    },
  });
  return { deadline: d, leadId: c.leadProsecutorId, procuratorateId: p.id };
}

describe("the reminders job", () => {
  test("creates the due reminder once: run twice, no duplicates; the unread count and mark-all-read", async () => {
    const now = new Date("2026-12-01T02:00:00Z"); // 2026-12-01 in Shanghai
    const { deadline, leadId, procuratorateId } = await deadlineOn("2026-12-04");
    const first = await produceReminders(prisma, now);
    expect(first.created).toBeGreaterThan(0);
    const mine = () => prisma.notification.findMany({ where: { userId: leadId, dedupeKey: { contains: deadline.key } } });
    expect(await mine()).toHaveLength(1);
    expect((await mine())[0]!.kind).toBe("due_soon");
    const again = await produceReminders(prisma, now);
    expect(again.created).toBe(0);
    expect(await mine()).toHaveLength(1);
    expect(await prisma.outboxEmail.count({ where: { notificationId: (await mine())[0]!.id } })).toBe(1);
    expect(await unreadCount(leadId)).toBeGreaterThan(0);
    await markAllRead({ userId: leadId, procuratorateId });
    expect(await unreadCount(leadId)).toBe(0);
  });

  test("two workers ticking: the job runs in one process only", async () => {
    const workers = [0, 1].map(() => new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: getEnv().databaseUrl }) }));
    try {
      const now = new Date("2026-12-02T02:00:00Z");
      const outcomes = await Promise.all(workers.map((db) => runDueJobs(db, JOBS.filter((j) => j.name === "reminders"), schedulerOwner(), now)));
      expect(outcomes.flat().filter((o) => o.ran && !o.error)).toHaveLength(1);
    } finally {
      await Promise.all(workers.map((w) => w.$disconnect()));
    }
  });
});

describe("the outbox", () => {
  test("without an SMTP connection nothing is sent and nothing breaks", async () => {
    const { procuratorateId } = await deadlineOn("2026-12-05");
    await prisma.reminderSettings.deleteMany({ where: { procuratorateId } });
    const email = await prisma.outboxEmail.create({ data: { procuratorateId, to: "x@example.cn", subject: "s", text: "t" } });
    const report = await deliverOutbox(prisma, new Date());
    expect(report.sent).toBe(0);
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("queued");
    expect(received).toHaveLength(0);
  });

  test("delivers through the sink; a refusal retries with backoff and ends failed after the last attempt", async () => {
    const p = await gui();
    await prisma.reminderSettings.upsert({
      where: { procuratorateId: p.id },
      create: { procuratorateId: p.id, smtpHost: "127.0.0.1", smtpPort: port, fromAddress: "procura@example.cn" },
      update: { smtpHost: "127.0.0.1", smtpPort: port, fromAddress: "procura@example.cn" },
    });
    const now = new Date();
    const report = await deliverOutbox(prisma, now);
    expect(report.sent).toBeGreaterThan(0);
    expect(received.some((m) => m.to === "lead@example.cn")).toBe(true);
    expect(await prisma.outboxEmail.count({ where: { procuratorateId: p.id, status: "queued", nextAttemptAt: { lte: now } } })).toBe(0);

    failNext = true;
    const bad = await prisma.outboxEmail.create({ data: { procuratorateId: p.id, to: "nobody@example.cn", subject: "s", text: "t" } });
    let at = new Date();
    for (let i = 1; i <= MAX_ATTEMPTS; i += 1) {
      await deliverOutbox(prisma, at);
      const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: bad.id } });
      expect(row.attempts).toBe(i);
      expect(row.lastError).toMatch(/mailbox unavailable/);
      if (i < MAX_ATTEMPTS) {
        expect(row.status).toBe("queued");
        expect(row.nextAttemptAt.getTime()).toBeGreaterThan(at.getTime());
        // Not retried before its time.
        await deliverOutbox(prisma, at);
        expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: bad.id } })).attempts).toBe(i);
        at = new Date(row.nextAttemptAt.getTime() + 1);
      } else {
        expect(row.status).toBe("failed");
      }
    }
    failNext = false;
  });
});
