import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import { can } from "~/domain/auth/policy";
import type { Role } from "~/domain/auth/roles";
import type { FeedEvent, FeedLabels } from "~/domain/calendar/feed";
import { deadlineEvent, FEED_MAX_EVENTS, feedHearingsFrom, feedPath, hearingEvent } from "~/domain/calendar/feed";
import { shanghaiMidnight } from "~/domain/calendar/view";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { createT, DEFAULT_LOCALE, isLocale } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";

// The hearing calendar (issue 9 item 8): the staff month/week view (hearings of the procuratorate
// by date range, served by the index Hearing(procuratorateId, startsAt)) and the per-user .ics
// feeds behind a secret token (CalendarFeed stores only its SHA-256; renewing replaces it, so the
// old URL answers 404). What a feed holds: app/domain/calendar/feed.ts.

/** At most this many hearings in one month or week view (a busy procuratorate holds a few a day). */
export const CALENDAR_MAX_HEARINGS = 500;

/** The procuratorate's hearings starting within [from, to) (Asia/Shanghai days), soonest first. */
export async function listCalendarHearings(procuratorateId: string, from: IsoDate, to: IsoDate) {
  return prisma.hearing.findMany({
    where: { procuratorateId, startsAt: { gte: shanghaiMidnight(from), lt: shanghaiMidnight(to) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: CALENDAR_MAX_HEARINGS,
    select: { id: true, title: true, startsAt: true, endsAt: true, venue: true, status: true, isPublic: true },
  });
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Whether the user has a feed, and since when (the URL itself is shown only when created). */
export async function getCalendarFeed(userId: string) {
  return prisma.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true, renewedAt: true } });
}

/**
 * Creates the user's feed or renews it with a new secret token (32 random bytes, base64url); only
 * its SHA-256 is stored, so the returned path is shown once. The old token stops working at once.
 */
export async function renewCalendarFeed(user: { userId: string; procuratorateId: string }, now: Date = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  await prisma.$transaction(async (tx) => {
    const before = await tx.calendarFeed.findUnique({ where: { userId: user.userId }, select: { renewedAt: true } });
    await tx.calendarFeed.upsert({
      where: { userId: user.userId },
      create: { userId: user.userId, tokenHash, createdAt: now, renewedAt: now },
      update: { tokenHash, renewedAt: now },
    });
    await recordAudit(tx, {
      procuratorateId: user.procuratorateId,
      actorId: user.userId,
      action: before ? "calendar_feed.renew" : "calendar_feed.create",
      entityType: "CalendarFeed",
      entityId: user.userId,
      // Never the token or its hash: the audit log is readable by administrators.
      data: { before: before ? { renewedAt: before.renewedAt.toISOString() } : null, after: { renewedAt: now.toISOString() } },
      at: now,
    });
  });
  return { token, path: feedPath(token) };
}

const caseSelect = { orderBy: { ordinal: "asc" }, select: { case: { select: { number: true, title: true } } } } as const;
const hearingSelect = { id: true, title: true, venue: true, startsAt: true, endsAt: true, cases: caseSelect } as const;

/**
 * The .ics text of the feed with this token, or null when no feed has it (or its user is inactive
 * or may not have a feed): the route answers 404 alike, so it never tells whether a user exists.
 */
export async function calendarFeedIcs(token: string, origin: string, now: Date = new Date()): Promise<string | null> {
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      user: { select: { id: true, procuratorateId: true, role: true, active: true, panelistId: true, displayName: true, locale: true } },
    },
  });
  const user = feed?.user;
  if (!user || !user.active || !can({ role: user.role as Role }, "calendar:feed")) return null;
  const t = createT(isLocale(user.locale) ? user.locale : DEFAULT_LOCALE);
  const labels: FeedLabels = {
    hearing: (title) => t("calendar.ics.hearing", { title }),
    deadline: (label) => t("calendar.ics.deadline", { label }),
  };
  const today = dateInShanghai(now);
  const from = feedHearingsFrom(today);
  const host = new URL(origin).host;
  const events: FeedEvent[] = [];

  if (user.role === "panelist") {
    if (!user.panelistId) return null;
    const hearings = await prisma.hearing.findMany({
      where: {
        procuratorateId: user.procuratorateId,
        startsAt: { gte: from },
        status: { not: "cancelled" },
        panelists: { some: { panelistId: user.panelistId, recused: false } },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: FEED_MAX_EVENTS,
      select: { ...hearingSelect, panelists: { where: { panelistId: user.panelistId }, select: { declaredAt: true } } },
    });
    for (const { panelists, ...h } of hearings) {
      // The cases are part of the briefing, which opens only once the no-conflict declaration is
      // signed (app/domain/hearing/panel.ts): until then the feed names the hearing, not its cases.
      const declared = panelists.some((seat) => seat.declaredAt !== null);
      events.push(hearingEvent(flat(declared ? h : { ...h, cases: [] }), labels, `${origin}/panel/hearings/${h.id}`, host));
    }
  } else {
    const onCase = { OR: [{ leadProsecutorId: user.id }, { members: { some: { userId: user.id } } }] };
    const [hearings, deadlines] = await Promise.all([
      prisma.hearing.findMany({
        where: {
          procuratorateId: user.procuratorateId,
          startsAt: { gte: from },
          status: { not: "cancelled" },
          OR: [{ hostId: user.id }, { clerkId: user.id }, { cases: { some: { case: onCase } } }],
        },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: FEED_MAX_EVENTS,
        select: hearingSelect,
      }),
      prisma.deadline.findMany({
        where: {
          procuratorateId: user.procuratorateId,
          // Open ones: a hearing's notice drops out once the hearing day has passed (as on the board).
          NOT: { kind: "hearing_notice", triggerOn: { lt: today } },
          OR: [{ cases: { some: { case: onCase } } }, { hearing: { OR: [{ hostId: user.id }, { clerkId: user.id }] } }],
        },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take: FEED_MAX_EVENTS,
        select: {
          key: true,
          kind: true,
          dueOn: true,
          agencyName: true,
          hearing: { select: { title: true } },
          cases: { orderBy: { ordinal: "asc" }, select: { case: { select: { number: true, title: true } } } },
        },
      }),
    ]);
    for (const h of hearings) events.push(hearingEvent(flat(h), labels, `${origin}/hearings/${h.id}`, host));
    for (const d of deadlines) {
      const about = [
        ...d.cases.map((c) => (c.case.number ? `${c.case.number} ${c.case.title}` : c.case.title)),
        ...(d.hearing ? [d.hearing.title] : []),
        ...(d.agencyName ? [d.agencyName] : []),
      ];
      events.push(
        deadlineEvent({ key: d.key, dueOn: d.dueOn, label: t.label("deadlines.kind", d.kind), detail: about.join("\n") || null }, labels, host),
      );
    }
  }
  return renderIcs(t("calendar.ics.name", { name: user.displayName }), events, now);
}

function flat(h: { id: string; title: string; venue: string; startsAt: Date; endsAt: Date | null; cases: { case: { number: string | null; title: string } }[] }) {
  return { ...h, cases: h.cases.map((c) => c.case) };
}

/** Renders feed events as an iCalendar (RFC 5545) text. */
export function renderIcs(name: string, events: readonly FeedEvent[], now: Date = new Date()): string {
  const calendar = ical({ name, prodId: { company: "procura", product: "procura", language: "ZH" }, ttl: 60 * 60 });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      stamp: now,
      start: e.start,
      end: e.end,
      allDay: e.allDay,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
    });
  }
  return calendar.toString();
}
