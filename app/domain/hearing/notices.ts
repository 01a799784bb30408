import type { Calendar } from "~/domain/deadlines/calendar";
import type { DeadlineResult } from "~/domain/deadlines/compute";
import { computeDeadline } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, dateInShanghai } from "~/domain/deadlines/dates";

// The notice rule of a hearing (听证规定 Art 10: participants are notified of the cause, time and
// place at least 3 days before the hearing). Pure: the holiday calendar comes in as data.
//
// How the days count (docs/decisions/0018-hearing-setup-and-notices.md): the hearing_notice rule
// of app/domain/deadlines counts back 3 days from the hearing day (the hearing day itself is not
// counted) and, when that day is a rest day, moves it back to the working day before it, so the
// notice is never shorter than the rule. A notice given at any time on or before that day is on
// time; a notice on a later day is late.

export type NoticeDeadline = {
  /** The last day (Asia/Shanghai) on which a notice is on time. */
  dueOn: IsoDate;
  /** The last instant of dueOn: a notice after it is late. */
  latestOnTime: Date;
  /** The computation with its steps, for the "how was this computed" text. */
  deadline: DeadlineResult;
};

/** The latest on-time notice of a hearing starting at `startsAt` (听证规定 Art 10). */
export function noticeDeadline(startsAt: Date, calendar: Calendar): NoticeDeadline {
  const deadline = computeDeadline("hearing_notice", dateInShanghai(startsAt), calendar);
  const latestOnTime = new Date(new Date(`${addDays(deadline.dueOn, 1)}T00:00:00+08:00`).getTime() - 1);
  return { dueOn: deadline.dueOn, latestOnTime, deadline };
}

/** Whether a notice given at `notifiedAt` is later than the rule allows (听证规定 Art 10). */
export function isLateNotice(notifiedAt: Date, startsAt: Date, calendar: Calendar): boolean {
  return notifiedAt.getTime() > noticeDeadline(startsAt, calendar).latestOnTime.getTime();
}

export type NoticeRefusal = "lateNotice" | "noticeInFuture";

/**
 * Whether a notice at `notifiedAt` may be recorded: not one in the future (a notice is recorded
 * once given), and a late one only with an approved `late_notice` approval of the hearing.
 */
export function noticeRefusal(input: {
  notifiedAt: Date;
  startsAt: Date;
  now: Date;
  lateNoticeApproved: boolean;
  calendar: Calendar;
}): NoticeRefusal | null {
  // A minute's grace for clocks: the form sends minutes, the browser's clock may run ahead.
  if (input.notifiedAt.getTime() > input.now.getTime() + 60_000) return "noticeInFuture";
  if (!input.lateNoticeApproved && isLateNotice(input.notifiedAt, input.startsAt, input.calendar)) return "lateNotice";
  return null;
}

export type NoticeRecipient = { name: string; notifiedAt: Date | string | null };

/**
 * Who still has no notice: every seated (non-recused) panelist and every participant must be
 * notified before the hearing moves to notified (听证规定 Art 10).
 */
export function missingNotices(
  panelists: readonly (NoticeRecipient & { recused: boolean })[],
  participants: readonly NoticeRecipient[],
): string[] {
  return [...panelists.filter((p) => !p.recused), ...participants].filter((p) => !p.notifiedAt).map((p) => p.name);
}

export type NotifiedRefusal = "hearingNotApproved" | "noticesMissing" | "nobodyToNotify";

/**
 * Whether a planned hearing may be marked notified: the chief approved holding it (听证规定 Art 4,
 * Approval kind `hearing`), somebody is invited, and nobody is missing a notice (听证规定 Art 10).
 */
export function notifiedRefusal(input: {
  hearingApproved: boolean;
  recipients: number;
  missing: readonly string[];
}): NotifiedRefusal | null {
  if (!input.hearingApproved) return "hearingNotApproved";
  if (input.recipients === 0) return "nobodyToNotify";
  if (input.missing.length > 0) return "noticesMissing";
  return null;
}
