import type { Calendar } from "~/domain/deadlines/calendar";
import type { DeadlineResult, DeadlineStatus, DeadlineSuspensionInput } from "~/domain/deadlines/compute";
import { computeDeadline, daysRemaining, deadlineStatus, DUE_SOON_DAYS } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays } from "~/domain/deadlines/dates";
import { replyRuleFor } from "~/domain/deadlines/rules";
import { hasReplied } from "~/domain/recommendation/reply";

/** The agency portal warns a week ahead: a two-month reply needs time to be signed off. */
export const AGENCY_DUE_SOON_DAYS = 7;

export type AgencyReplyInput = {
  /** Recommendation.replyPeriod: two_months | fifteen_days (两高解释 Art 21). */
  replyPeriod: string;
  /** The 送达回证 dates of the recommendation's services; the first one starts the clock. */
  servedOn: readonly IsoDate[];
  /** The case's suspensions: the days suspended do not count (规则 Art 78). */
  suspensions?: readonly DeadlineSuspensionInput[];
};

/**
 * The agency's reply due date: 2 months, or 15 days when the harm is spreading or urgent, from
 * the service of the 检察建议书 (两高解释 Art 21; 建议规定 Art 19). The service date is the
 * signature date on the first 送达回证 (民诉法 Art 87); a later service does not restart the clock.
 * Null while the recommendation has not been served. Counting as in computeDeadline (民诉法 Art 85
 * via 行诉法 Art 101). The one computation for the deadline list, the agency portal's home and
 * its recommendation page.
 */
export function agencyReplyDeadline(input: AgencyReplyInput, calendar: Calendar): DeadlineResult | null {
  const first = [...input.servedOn].sort()[0];
  if (!first) return null;
  return computeDeadline(replyRuleFor(input.replyPeriod), first, calendar, [], input.suspensions ?? []);
}

export type AgencyReplyClock = DeadlineResult & {
  /** Days from today to the due date: 0 on the due day, negative once overdue. */
  days: number;
  status: DeadlineStatus;
  /** Whether a written reply is in (submitted or assessed): the clock has stopped. */
  replied: boolean;
};

/** The reply deadline as one reader sees it today: due date, days left, status, and whether replied. */
export function agencyReplyClock(
  input: AgencyReplyInput & { replyStatuses: readonly string[] },
  calendar: Calendar,
  today: IsoDate,
  soonDays: number = DUE_SOON_DAYS
): AgencyReplyClock | null {
  const deadline = agencyReplyDeadline(input, calendar);
  if (!deadline) return null;
  return {
    ...deadline,
    days: daysRemaining(deadline.dueOn, today),
    status: deadlineStatus(deadline.dueOn, today, soonDays),
    replied: hasReplied(input.replyStatuses),
  };
}

/** The stored live deadline of a reply (Deadline, kind agency_reply), as the portal reads it. */
export type StoredAgencyReply = {
  dueOn: IsoDate;
  /** Set while the case is suspended: the clock is stopped (规则 Art 78). */
  pausedSince: IsoDate | null;
  pausedDaysLeft: number | null;
};

/**
 * The reply clock from a stored deadline: only the days left are worked out from today, nothing is
 * recomputed. A paused deadline keeps the days it had left when the case was suspended.
 */
export function agencyReplyClockFromStored(
  stored: StoredAgencyReply,
  replyStatuses: readonly string[],
  today: IsoDate,
  soonDays: number = AGENCY_DUE_SOON_DAYS
): { dueOn: IsoDate; days: number; status: DeadlineStatus; replied: boolean } {
  const paused = stored.pausedSince !== null;
  return {
    dueOn: stored.dueOn,
    days: paused ? (stored.pausedDaysLeft ?? 0) : daysRemaining(stored.dueOn, today),
    status: paused ? "paused" : deadlineStatus(stored.dueOn, today, soonDays),
    replied: hasReplied(replyStatuses),
  };
}

/**
 * The due-date windows of the portal's counts, as stored dueOn bounds: overdue is due before
 * today; due soon is due from today to `soonDays` ahead (the same edges as deadlineStatus).
 */
export function agencyReplyWindows(today: IsoDate, soonDays: number = AGENCY_DUE_SOON_DAYS) {
  return { overdueBefore: today, soonFrom: today, soonTo: addDays(today, soonDays) };
}
