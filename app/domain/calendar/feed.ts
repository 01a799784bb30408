import { z } from "zod";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays } from "~/domain/deadlines/dates";

// The per-user calendar feed (.ics, issue 9 item 8): which events it carries, built as plain data
// (the server renders them with ical-generator). Pure, so it is unit-tested without a database.
//
// What a feed holds (decision):
// - staff: the hearings of their procuratorate they host or clerk, or that hear a case they lead
//   or work on (CaseMember), not cancelled (a cancelled hearing drops out of the feed); plus their
//   open stored deadlines (Deadline rows of those cases and of the hearings they host or clerk) as
//   all-day events on the due day;
// - a panelist: the hearings they sit on and were not recused from, not cancelled.
// Bounded: hearings from FEED_PAST_DAYS days back onwards, at most FEED_MAX_EVENTS of each kind.

export const FEED_PAST_DAYS = 90;
export const FEED_MAX_EVENTS = 500;
/** A hearing with no end time is shown as lasting this long. */
export const DEFAULT_HEARING_HOURS = 2;

/** The first instant of the feed's hearings: FEED_PAST_DAYS before today (Asia/Shanghai). */
export function feedHearingsFrom(today: IsoDate): Date {
  return new Date(`${addDays(today, -FEED_PAST_DAYS)}T00:00:00+08:00`);
}

export type FeedEvent = {
  /** Stable across renewals of the feed, so calendar apps update rather than duplicate events. */
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  url: string | null;
  allDay: boolean;
  start: Date;
  end: Date;
};

export type FeedHearing = {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date | null;
  cases: { number: string | null; title: string }[];
};

export type FeedDeadline = { key: string; dueOn: IsoDate; label: string; detail: string | null };

export type FeedLabels = { hearing: (title: string) => string; deadline: (label: string) => string };

/** A hearing as a timed event, linking to its page (`url` built by the caller for the user's area). */
export function hearingEvent(h: FeedHearing, labels: FeedLabels, url: string | null, host: string): FeedEvent {
  const end = h.endsAt && h.endsAt > h.startsAt ? h.endsAt : new Date(h.startsAt.getTime() + DEFAULT_HEARING_HOURS * 3_600_000);
  const cases = h.cases.map((c) => (c.number ? `${c.number} ${c.title}` : c.title));
  return {
    uid: `hearing-${h.id}@${host}`,
    summary: labels.hearing(h.title),
    description: cases.length ? cases.join("\n") : null,
    location: h.venue,
    url,
    allDay: false,
    start: h.startsAt,
    end,
  };
}

/** A stored deadline as an all-day event on its due day. */
export function deadlineEvent(d: FeedDeadline, labels: FeedLabels, host: string): FeedEvent {
  return {
    uid: `deadline-${d.key}@${host}`,
    summary: labels.deadline(d.label),
    description: d.detail,
    location: null,
    url: null,
    allDay: true,
    // All-day events carry calendar dates: UTC midnights, rendered as VALUE=DATE.
    start: new Date(`${d.dueOn}T00:00:00Z`),
    end: new Date(`${addDays(d.dueOn, 1)}T00:00:00Z`),
  };
}

/** The feed's path for a token: /feeds/<token>.ics. */
export function feedPath(token: string): string {
  return `/feeds/${token}.ics`;
}

/** The token of a feed path's last segment ("<token>.ics"), or null when it is not one. */
export function tokenOfFeedFile(file: string | undefined): string | null {
  if (!file) return null;
  const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file);
  return match ? match[1]! : null;
}

/** The feed form (create or renew): it names no record, the feed is always the actor's own. */
export const calendarFeedSchema = z.object({ intent: z.literal("renewFeed") });
