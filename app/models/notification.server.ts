import { createT, isLocale, DEFAULT_LOCALE } from "~/i18n";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { notificationText } from "~/domain/notifications/message";
import type { DueReminder } from "~/domain/notifications/reminders";
import { dueReminder, parseReminderDays, reminderDedupeKey, reminderWindow } from "~/domain/notifications/reminders";
import { liveDeadlineKindSchema } from "~/domain/deadlines/live";
import { parseStoredParams, reminderParams, storeParams } from "~/domain/notifications/params";
import { enqueueEmail } from "~/models/outbox.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// In-app notifications (Notification): the top bar's unread count, the list with mark-as-read,
// and the reminders job that creates due_soon / overdue rows from the stored deadlines. Every
// read and write is the actor's own (userId), within their procuratorate.

/** The top bar counts unread notifications up to this and shows "99+" beyond (one index range). */
export const UNREAD_CAP = 99;
export const NOTIFICATION_PAGE_SIZE = 30;

/** The unread count for the top bar: a bounded count on (userId, readAt, createdAt). */
export async function unreadCount(userId: string, db: Tx = prisma): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Notification" n
      WHERE n."userId" = ${userId} AND n."readAt" IS NULL LIMIT ${UNREAD_CAP + 1})`;
  return Number(row?.n ?? 0);
}

/** Whose notifications: the signed-in user, within their procuratorate (staff or liaison alike). */
export type NotificationReader = { userId: string; procuratorateId: string };

/** The inbox page (/notifications, /agency/notifications): one page of the reader's notifications and the unread count. */
export async function readInbox(reader: NotificationReader, before: Date | null) {
  const [page, unread] = await Promise.all([listNotifications(reader, { before }), unreadCount(reader.userId)]);
  return { ...page, unread };
}

/** One page of the user's notifications, newest first; `before` is the last page's oldest createdAt. */
export async function listNotifications(
  actor: NotificationReader,
  options: { before?: Date | null; pageSize?: number } = {},
) {
  const size = options.pageSize ?? NOTIFICATION_PAGE_SIZE;
  const rows = await prisma.notification.findMany({
    where: {
      userId: actor.userId,
      procuratorateId: actor.procuratorateId,
      ...(options.before ? { createdAt: { lt: options.before } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: size + 1,
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
  });
  return { rows: rows.slice(0, size).map((r) => ({ ...r, params: parseStoredParams(r.params) })), more: rows.length > size };
}

/** Marks one of the actor's notifications read; another user's (or none) answers 404. */
export async function markRead(actor: NotificationReader, notificationId: string, now: Date = new Date()) {
  const own = await prisma.notification.findFirst({
    where: { id: notificationId, userId: actor.userId, procuratorateId: actor.procuratorateId },
    select: { id: true, readAt: true },
  });
  if (!own) notFound();
  if (!own.readAt) await prisma.notification.update({ where: { id: own.id }, data: { readAt: now } });
}

/** Marks every unread notification of the actor read (one statement on their index range). */
export async function markAllRead(actor: NotificationReader, now: Date = new Date()) {
  const { count } = await prisma.notification.updateMany({
    where: { userId: actor.userId, procuratorateId: actor.procuratorateId, readAt: null },
    data: { readAt: now },
  });
  return count;
}

// ───────── the reminders job ─────────

/** Deadlines read per page by the job (keyset on the board's index procuratorateId, dueOn, id). */
export const REMINDER_PAGE_SIZE = 200;

type Recipient = { userId: string; email: string | null; locale: string | null; link: string | null };
type NewNotification = {
  userId: string;
  procuratorateId: string;
  kind: string;
  params: string;
  link: string | null;
  dedupeKey: string;
  email: string | null;
  locale: string | null;
};

export type ReminderReport = { deadlines: number; created: number; emailed: number };

/**
 * Creates today's due reminders for every procuratorate: for each stored, running (not paused)
 * deadline due in the window [today − lookback, today + farthest reminder day], the reminder the
 * rule calls for (app/domain/notifications/reminders.ts), to the case's prosecutors (lead and
 * team) and, for an agency's reply, to the agency's liaisons. Idempotent: the dedupeKey is unique
 * and known keys are skipped, so running it twice creates nothing new. Each new notification of
 * a user with an e-mail address queues an e-mail in the same transaction.
 */
export async function produceReminders(db: typeof prisma = prisma, now: Date = new Date()): Promise<ReminderReport> {
  const today = dateInShanghai(now);
  const report: ReminderReport = { deadlines: 0, created: 0, emailed: 0 };
  const procuratorates = await db.procuratorate.findMany({ select: { id: true, reminderSettings: { select: { reminderDays: true } } } });
  for (const p of procuratorates) {
    const days = parseReminderDays(p.reminderSettings?.reminderDays);
    const window = reminderWindow(today, days);
    let cursor: { dueOn: string; id: string } | null = null;
    for (;;) {
      const page: { id: string; key: string; kind: string; dueOn: string; agencyId: string | null; recommendationId: string | null; hearingId: string | null; triggerOn: string }[] =
        await db.deadline.findMany({
          where: {
            procuratorateId: p.id,
            pausedSince: null,
            dueOn: { gte: window.from, lte: window.to },
            ...(cursor ? { OR: [{ dueOn: { gt: cursor.dueOn } }, { dueOn: cursor.dueOn, id: { gt: cursor.id } }] } : {}),
          },
          orderBy: [{ dueOn: "asc" }, { id: "asc" }],
          take: REMINDER_PAGE_SIZE,
          select: { id: true, key: true, kind: true, dueOn: true, agencyId: true, recommendationId: true, hearingId: true, triggerOn: true },
        });
      if (page.length === 0) break;
      cursor = { dueOn: page.at(-1)!.dueOn, id: page.at(-1)!.id };
      report.deadlines += page.length;
      const { created, emailed } = await remindPage(db, p.id, today, days, page);
      report.created += created;
      report.emailed += emailed;
      if (page.length < REMINDER_PAGE_SIZE) break;
    }
  }
  return report;
}

async function remindPage(
  db: typeof prisma,
  procuratorateId: string,
  today: IsoDate,
  days: number[],
  page: { id: string; key: string; kind: string; dueOn: string; agencyId: string | null; recommendationId: string | null; hearingId: string | null; triggerOn: string }[],
) {
  const due = page
    // A hearing's notice drops out once the hearing day has passed (as on the board).
    .filter((d) => !(d.kind === "hearing_notice" && d.triggerOn < today))
    .map((d) => ({ d, reminder: dueReminder(d.dueOn, today, days) }))
    .filter((x): x is { d: (typeof page)[number]; reminder: DueReminder } => x.reminder !== null);
  if (due.length === 0) return { created: 0, emailed: 0 };

  const links = await db.deadlineCase.findMany({
    where: { deadlineId: { in: due.map((x) => x.d.id) } },
    orderBy: [{ deadlineId: "asc" }, { ordinal: "asc" }],
    select: {
      deadlineId: true,
      case: {
        select: {
          id: true,
          number: true,
          title: true,
          procuratorateId: true,
          leadProsecutor: { select: { id: true, email: true, locale: true, active: true, role: true } },
          members: { select: { user: { select: { id: true, email: true, locale: true, active: true, role: true } } } },
        },
      },
    },
  });
  const agencyIds = [...new Set(due.map((x) => x.d.agencyId).filter((a): a is string => !!a))];
  const liaisons = agencyIds.length
    ? await db.user.findMany({
        where: { procuratorateId, role: "agency", active: true, agencyId: { in: agencyIds } },
        select: { id: true, email: true, locale: true, agencyId: true },
      })
    : [];
  const agencies = agencyIds.length
    ? await db.agency.findMany({ where: { id: { in: agencyIds }, procuratorateId }, select: { id: true, name: true } })
    : [];

  const rows: NewNotification[] = [];
  for (const { d, reminder } of due) {
    const cases = links.filter((l) => l.deadlineId === d.id && l.case.procuratorateId === procuratorateId).map((l) => l.case);
    const first = cases[0];
    const deadlineKind = liveDeadlineKindSchema.safeParse(d.kind);
    if (!deadlineKind.success) continue; // not a kind the app derives (app/domain/deadlines/live.ts)
    const about = {
      deadlineKind: deadlineKind.data,
      dueOn: d.dueOn,
      reminder,
      caseNumber: first?.number ?? null,
      caseTitle: first?.title ?? null,
      agencyName: agencies.find((a) => a.id === d.agencyId)?.name ?? null,
    };
    const recipients = new Map<string, Recipient>();
    const staffLink = d.hearingId ? `/hearings/${d.hearingId}` : first ? (d.kind === "agency_reply" ? `/cases/${first.id}/recommendation` : `/cases/${first.id}`) : null;
    for (const c of cases) {
      for (const u of [c.leadProsecutor, ...c.members.map((m) => m.user)]) {
        if (u.active && u.role === "prosecutor" && !recipients.has(u.id)) recipients.set(u.id, { userId: u.id, email: u.email, locale: u.locale, link: staffLink });
      }
    }
    if (d.kind === "agency_reply" && d.agencyId) {
      // A liaison is linked only to the portal's page of the recommendation, never to a staff page.
      const portalLink = d.recommendationId ? `/agency/recommendations/${d.recommendationId}` : "/agency";
      for (const u of liaisons.filter((l) => l.agencyId === d.agencyId)) {
        recipients.set(u.id, { userId: u.id, email: u.email, locale: u.locale, link: portalLink });
      }
    }
    for (const r of recipients.values()) {
      const portal = r.link?.startsWith("/agency") ?? false;
      // A liaison's copy carries no case number or title: the portal shows the agency its letter, not the case file.
      const made = reminderParams({ ...about, forLiaison: portal });
      rows.push({
        userId: r.userId,
        procuratorateId,
        kind: made.kind,
        params: made.kind === "due_soon" ? storeParams("due_soon", made.params) : storeParams("overdue", made.params),
        link: r.link,
        dedupeKey: reminderDedupeKey({ procuratorateId, deadlineKey: d.key, dueOn: d.dueOn, slot: reminder.slot, userId: r.userId }),
        email: r.email,
        locale: r.locale,
      });
    }
  }
  return insertNotifications(db, rows);
}

/** Inserts the rows whose dedupeKey is new, and queues their e-mails, in one transaction. */
async function insertNotifications(db: typeof prisma, rows: NewNotification[]) {
  if (rows.length === 0) return { created: 0, emailed: 0 };
  return db.$transaction(async (tx) => {
    const known = new Set(
      (await tx.notification.findMany({ where: { dedupeKey: { in: rows.map((r) => r.dedupeKey) } }, select: { dedupeKey: true } })).map(
        (n) => n.dedupeKey,
      ),
    );
    const fresh = rows.filter((r, i) => !known.has(r.dedupeKey) && rows.findIndex((o) => o.dedupeKey === r.dedupeKey) === i);
    if (fresh.length === 0) return { created: 0, emailed: 0 };
    const created = await tx.notification.createManyAndReturn({
      data: fresh.map(({ email: _e, locale: _l, ...row }) => row),
      select: { id: true, dedupeKey: true },
    });
    let emailed = 0;
    for (const n of created) {
      const row = fresh.find((r) => r.dedupeKey === n.dedupeKey)!;
      if (!row.email) continue;
      await enqueueEmail(tx, { procuratorateId: row.procuratorateId, notificationId: n.id, to: row.email, ...emailFor(row) });
      emailed += 1;
    }
    return { created: created.length, emailed };
  });
}

/** The e-mail of a notification, in its recipient's language. */
export function emailFor(n: { kind: string; params: string; link: string | null; locale: string | null }) {
  const t = createT(isLocale(n.locale) ? n.locale : DEFAULT_LOCALE);
  const { label, text } = notificationText(t, n.kind, parseStoredParams(n.params));
  return { subject: t("notifications.email.subject", { app: t("app.shortName"), kind: label }), text: `${text}\n\n${t("notifications.email.footer")}` };
}

/** How far back the outbox job looks for notifications that others created (reply_arrived) and nobody mailed. */
export const MAIL_LOOKBACK_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Queues e-mails for recent notifications that have none (those the reply form creates at
 * submission): newest-first pages on Notification(createdAt), each checked on
 * OutboxEmail(notificationId). Users without an address are skipped each time (cheap, bounded by
 * the lookback).
 */
export async function mailUnmailedNotifications(db: typeof prisma = prisma, now: Date = new Date()) {
  const since = new Date(now.getTime() - MAIL_LOOKBACK_MS);
  const rows = await db.notification.findMany({
    where: { createdAt: { gte: since }, emails: { none: {} }, user: { email: { not: null }, active: true } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, procuratorateId: true, kind: true, params: true, link: true, user: { select: { email: true, locale: true } } },
  });
  if (rows.length === 0) return 0;
  await db.$transaction(async (tx) => {
    for (const n of rows) {
      if (!n.user.email) continue;
      const exists = await tx.outboxEmail.findFirst({ where: { notificationId: n.id }, select: { id: true } });
      if (exists) continue;
      await enqueueEmail(tx, { procuratorateId: n.procuratorateId, notificationId: n.id, to: n.user.email, ...emailFor({ ...n, locale: n.user.locale }) });
    }
  });
  return rows.length;
}
