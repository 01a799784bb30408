import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieFor, request } from "#tests/factories";
import type { SmtpSink } from "#tests/support/smtp-sink";
import { startSmtpSink } from "#tests/support/smtp-sink";
import { PrismaClient } from "~/generated/prisma/client";
import { MAX_ATTEMPTS, UNREADABLE_PASSWORD_ERROR } from "~/domain/notifications/outbox";
import { markAllRead, produceReminders, unreadCount } from "~/models/notification.server";
import { deliverOutbox, outboxSummary } from "~/models/outbox.server";
import { getReminderSettings, saveReminderSettings, sealLegacySmtpPasswords, smtpConnectionOf, smtpPasswordContext } from "~/models/reminder-settings.server";
import { action as adminAction, loader as adminLoader } from "~/routes/_staff.admin.notifications";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { JOBS, runDueJobs, schedulerOwner } from "~/utils/scheduler.server";
import { deriveSettingsKey, sealSecret } from "~/utils/secret-box.server";

// Reminders and the e-mail outbox against a real SQLite copy and a local SMTP sink.

let sink: SmtpSink;
let port = 0;

beforeAll(async () => {
  sink = await startSmtpSink();
  port = sink.port;
});
afterAll(() => sink.close());

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
    expect(sink.received).toHaveLength(0);
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
    expect(sink.received.some((m) => m.to === "lead@example.cn")).toBe(true);
    expect(await prisma.outboxEmail.count({ where: { procuratorateId: p.id, status: "queued", nextAttemptAt: { lte: now } } })).toBe(0);

    sink.failNext = true;
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
    sink.failNext = false;
  });
});

describe("the sealed SMTP password (decision 0023)", () => {
  let authSink: SmtpSink;
  let authPort = 0;
  beforeAll(async () => {
    authSink = await startSmtpSink({ password: "smtp-pass-桂" });
    authPort = authSink.port;
  });
  afterAll(() => authSink.close());

  async function setup() {
    const p = await gui();
    const admin = await prisma.user.findFirstOrThrow({ where: { procuratorateId: p.id, role: "admin" }, select: { id: true } });
    const input = {
      intent: "save" as const,
      reminderDays: [7, 3, 1],
      smtpHost: "127.0.0.1",
      smtpPort: authPort,
      smtpSecure: false,
      smtpUser: "mailer",
      clearPassword: false,
      fromAddress: "procura@example.cn",
    };
    return { procuratorateId: p.id, adminId: admin.id, input };
  }
  const stored = async (procuratorateId: string) =>
    (await prisma.reminderSettings.findUniqueOrThrow({ where: { procuratorateId }, select: { smtpPassword: true } })).smtpPassword;
  const queue = (procuratorateId: string) => prisma.outboxEmail.create({ data: { procuratorateId, to: "sealed@example.cn", subject: "s", text: "t" } });

  test("saved sealed (never in clear, never in the audit), opened by the mailer, which logs in with it", async () => {
    const { procuratorateId, adminId, input } = await setup();
    await saveReminderSettings(procuratorateId, adminId, { ...input, smtpPassword: "smtp-pass-桂" });
    const value = await stored(procuratorateId);
    expect(value).toMatch(/^v1:/);
    expect(value).not.toContain("smtp-pass");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "reminder_settings.update", entityId: procuratorateId }, orderBy: { seq: "desc" } });
    expect(audit.data).not.toContain("smtp-pass");
    expect(audit.data).not.toContain(value!);
    expect((await getReminderSettings(procuratorateId)).password).toBe("stored");

    const email = await queue(procuratorateId);
    const before = authSink.logins.length;
    await deliverOutbox(prisma, new Date());
    expect(authSink.logins.slice(before)).toContainEqual({ user: "mailer", pass: "smtp-pass-桂" });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("sent");

    // A blank password keeps the sealed one as it is.
    await saveReminderSettings(procuratorateId, adminId, { ...input, reminderDays: [5, 1] });
    expect(await stored(procuratorateId)).toBe(value);
  });

  test("a legacy clear password still works, and is sealed by the outbox job's step and by the next save", async () => {
    const { procuratorateId, adminId, input } = await setup();
    await prisma.reminderSettings.update({ where: { procuratorateId }, data: { smtpPassword: "smtp-pass-桂" } });
    expect((await getReminderSettings(procuratorateId)).password).toBe("stored");
    const state = await smtpConnectionOf(procuratorateId);
    expect(state.status === "ready" && state.connection.password).toBe("smtp-pass-桂");
    const email = await queue(procuratorateId);
    await deliverOutbox(prisma, new Date());
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("sent");

    expect(await sealLegacySmtpPasswords(prisma)).toBe(1);
    const sealed = await stored(procuratorateId);
    expect(sealed).toMatch(/^v1:/);
    expect(await sealLegacySmtpPasswords(prisma)).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "reminder_settings.seal_password", entityId: procuratorateId }, orderBy: { seq: "desc" } });
    expect(event.data).not.toContain("smtp-pass");

    // Saved with the password left blank: the clear value is sealed, the audit says only clear → sealed.
    await prisma.reminderSettings.update({ where: { procuratorateId }, data: { smtpPassword: "smtp-pass-桂" } });
    await saveReminderSettings(procuratorateId, adminId, input);
    expect(await stored(procuratorateId)).toMatch(/^v1:/);
    const saved = await prisma.auditEvent.findFirstOrThrow({ where: { action: "reminder_settings.update", entityId: procuratorateId }, orderBy: { seq: "desc" } });
    expect(JSON.parse(saved.data!).smtpPassword).toEqual({ from: "clear", to: "sealed" });
    const after = await smtpConnectionOf(procuratorateId);
    expect(after.status === "ready" && after.connection.password).toBe("smtp-pass-桂");
  });

  test("sealed under another key: the mailer does not crash, the e-mails wait with a clear lastError, the page says so", async () => {
    const { procuratorateId, adminId, input } = await setup();
    const foreign = sealSecret("smtp-pass-桂", smtpPasswordContext(procuratorateId), deriveSettingsKey("the-secret-before-it-was-rotated-0123456789"));
    await prisma.reminderSettings.update({ where: { procuratorateId }, data: { smtpPassword: foreign } });
    expect((await getReminderSettings(procuratorateId)).password).toBe("unreadable");
    expect((await smtpConnectionOf(procuratorateId)).status).toBe("unreadable");

    const email = await queue(procuratorateId);
    const before = authSink.logins.length;
    const report = await deliverOutbox(prisma, new Date());
    expect(report.waiting).toBeGreaterThan(0);
    const row = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: "queued", attempts: 0, lastError: UNREADABLE_PASSWORD_ERROR });
    expect(authSink.logins.length).toBe(before);
    expect((await outboxSummary(procuratorateId)).failures.map((f) => f.lastError)).toContain(UNREADABLE_PASSWORD_ERROR);
    // The job's sealing step leaves it alone (it is not clear text).
    await sealLegacySmtpPasswords(prisma);
    expect(await stored(procuratorateId)).toBe(foreign);

    // Entered again: it opens, and the waiting e-mail goes.
    await saveReminderSettings(procuratorateId, adminId, { ...input, smtpPassword: "smtp-pass-桂" });
    expect((await getReminderSettings(procuratorateId)).password).toBe("stored");
    await deliverOutbox(prisma, new Date());
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("sent");
  });
});

describe("/admin/notifications with a password that no longer opens", () => {
  test("the page says so (never the value); the test e-mail answers 400 with the reason", async () => {
    const p = await gui();
    const foreign = sealSecret("smtp-pass-桂", smtpPasswordContext(p.id), deriveSettingsKey("the-secret-before-it-was-rotated-0123456789"));
    await prisma.reminderSettings.update({ where: { procuratorateId: p.id }, data: { smtpPassword: foreign } });
    const cookie = await cookieFor("admin");
    const page = (await callLoader(adminLoader, request("/admin/notifications", { cookie }))) as { status: number; data: { settings: Record<string, unknown> } };
    expect(page.status).toBe(200);
    expect(page.data.settings.password).toBe("unreadable");
    expect(JSON.stringify(page.data)).not.toContain(foreign);
    expect(JSON.stringify(page.data)).not.toContain("smtp-pass");

    const test = await callAction(adminAction, request("/admin/notifications", { cookie, form: { intent: "test", to: "someone@example.cn" } }));
    expect(test.status).toBe(400);
    expect(JSON.stringify((test as { data: unknown }).data)).toContain("notifications.settings.passwordUnreadable");
  });
});
