import nodemailer, { type Transporter } from "nodemailer";
import { afterFailure, UNREADABLE_PASSWORD_ERROR } from "~/domain/notifications/outbox";
import { OUTBOX_STATUSES } from "~/domain/notifications/kinds";
import type { SmtpConnection } from "~/models/reminder-settings.server";
import { connectionOf } from "~/models/reminder-settings.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";

// The e-mail outbox (OutboxEmail): notifications enqueue e-mails in their transaction; the outbox
// job (app/utils/scheduler.server.ts) delivers them through nodemailer with each procuratorate's
// SMTP connection (ReminderSettings). Without a connection they wait; a failure retries with
// backoff and ends "failed" after MAX_ATTEMPTS (app/domain/notifications/outbox.ts).

/** E-mails one run of the job sends at most per procuratorate (the rest wait for the next run). */
export const SEND_BATCH = 100;

type Message = { from: string; to: string; subject: string; text: string };
/** Sends one message; throws on failure. Replaced in tests that need a failing server. */
export type Send = (connection: SmtpConnection, message: Message) => Promise<void>;

/** One transport per connection and run (nodemailer pools nothing here: a run is short and rare). */
export function smtpSender(): Send & { close: () => void } {
  const transports = new Map<string, Transporter>();
  const send = (async (connection: SmtpConnection, message: Message) => {
    const key = JSON.stringify(connection);
    let transport = transports.get(key);
    if (!transport) {
      transport = nodemailer.createTransport({
        host: connection.host,
        port: connection.port,
        secure: connection.secure,
        auth: connection.user ? { user: connection.user, pass: connection.password ?? "" } : undefined,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      transports.set(key, transport);
    }
    await transport.sendMail(message);
  }) as Send & { close: () => void };
  send.close = () => {
    for (const t of transports.values()) t.close();
    transports.clear();
  };
  return send;
}

/** Queues an e-mail (in the caller's transaction). */
export function enqueueEmail(
  tx: Tx,
  input: { procuratorateId: string | null; notificationId?: string | null; to: string; subject: string; text: string },
) {
  return tx.outboxEmail.create({ data: { ...input, notificationId: input.notificationId ?? null } });
}

export type DeliveryReport = { sent: number; retried: number; failed: number; waiting: number };

/**
 * Delivers the queued e-mails whose time has come, per procuratorate with a connection, at most
 * SEND_BATCH each. Each outcome is written as it happens, so a crash mid-run loses nothing and
 * sends nothing twice that the server had accepted.
 */
export async function deliverOutbox(db: Tx = prisma, now: Date = new Date(), send: Send = smtpSender()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, waiting: 0 };
  const settings = await db.reminderSettings.findMany({
    where: { smtpHost: { not: null } },
    select: { procuratorateId: true, smtpHost: true, smtpPort: true, smtpSecure: true, smtpUser: true, smtpPassword: true, fromAddress: true },
  });
  try {
    for (const row of settings) {
      const state = connectionOf(row);
      if (state.status === "none") continue;
      if (state.status === "unreadable") {
        // The key changed since the password was sealed: nothing can be sent; say why, spend no attempt.
        const { count } = await db.outboxEmail.updateMany({
          where: { status: "queued", nextAttemptAt: { lte: now }, procuratorateId: row.procuratorateId },
          data: { lastError: UNREADABLE_PASSWORD_ERROR },
        });
        report.waiting += count;
        continue;
      }
      const connection = state.connection;
      const due = await db.outboxEmail.findMany({
        where: { status: "queued", nextAttemptAt: { lte: now }, procuratorateId: row.procuratorateId },
        orderBy: { nextAttemptAt: "asc" },
        take: SEND_BATCH,
        select: { id: true, to: true, subject: true, text: true, attempts: true },
      });
      for (const email of due) {
        const attempts = email.attempts + 1;
        try {
          await send(connection, { from: connection.from, to: email.to, subject: email.subject, text: email.text });
          await db.outboxEmail.update({ where: { id: email.id }, data: { status: "sent", attempts, sentAt: new Date(), lastError: null } });
          report.sent += 1;
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
          const next = afterFailure(attempts, now);
          await db.outboxEmail.update({
            where: { id: email.id },
            data: next.status === "failed" ? { status: "failed", attempts, lastError: message } : { attempts, lastError: message, nextAttemptAt: next.nextAttemptAt },
          });
          if (next.status === "failed") report.failed += 1;
          else report.retried += 1;
        }
      }
    }
  } finally {
    if ("close" in send && typeof send.close === "function") (send as { close: () => void }).close();
  }
  return report;
}

/** Sends one message now with the procuratorate's connection (the settings page's test e-mail). */
export async function sendNow(connection: SmtpConnection, message: Omit<Message, "from">, send: Send = smtpSender()) {
  try {
    await send(connection, { ...message, from: connection.from });
  } finally {
    if ("close" in send && typeof send.close === "function") (send as { close: () => void }).close();
  }
}

/** The administrator's view of the outbox: counts by status and the latest failures. */
export async function outboxSummary(procuratorateId: string) {
  const [groups, failures] = await Promise.all([
    prisma.outboxEmail.groupBy({ by: ["status"], where: { procuratorateId }, _count: { _all: true } }),
    prisma.outboxEmail.findMany({
      where: { procuratorateId, OR: [{ status: "failed" }, { status: "queued", lastError: { not: null } }] },
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
    }),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, groups.find((g) => g.status === s)?._count._all ?? 0])) as Record<
    (typeof OUTBOX_STATUSES)[number],
    number
  >;
  return { counts, failures };
}
