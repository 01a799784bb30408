import { z } from "zod";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, diffDays } from "~/domain/deadlines/dates";
import type { NotificationKind } from "~/domain/notifications/kinds";

/** ReminderSettings.reminderDays when a procuratorate has set none (issue 11 §7). */
export const DEFAULT_REMINDER_DAYS = [7, 3, 1] as const;
/** The most reminder days an administrator may set, and the farthest one (days before a due date). */
export const MAX_REMINDER_DAYS = 10;
export const MAX_REMINDER_DAY = 60;
/**
 * An overdue reminder is produced only this many days after the due date has passed: a server
 * that was down longer does not wake up to reminders of long-settled matters, and the job reads
 * only deadlines in [today − OVERDUE_LOOKBACK_DAYS, today + the farthest reminder day].
 */
export const OVERDUE_LOOKBACK_DAYS = 7;

export type DueReminder =
  | { kind: Extract<NotificationKind, "due_soon">; threshold: number; daysLeft: number; slot: string }
  | { kind: Extract<NotificationKind, "overdue">; daysLate: number; slot: string };

/**
 * Which reminder a due date calls for today (dates in Asia/Shanghai), or null.
 * - Passed (today after the due date, within OVERDUE_LOOKBACK_DAYS): one "overdue" reminder.
 * - Otherwise the LATEST reminder day already reached: with days [7,3,1] and 2 days left, the
 *   3-day reminder. A day skipped (the server was down) still yields that latest reminder once;
 *   the earlier ones it skipped are never produced late, so a restart never floods anyone.
 * `slot` names the reminder within its due date; the caller's dedupeKey includes it, so each
 * reminder is created once however often the job runs.
 */
export function dueReminder(dueOn: IsoDate, today: IsoDate, reminderDays: readonly number[]): DueReminder | null {
  const left = diffDays(today, dueOn);
  if (left < 0) {
    const late = -left;
    return late <= OVERDUE_LOOKBACK_DAYS ? { kind: "overdue", daysLate: late, slot: "overdue" } : null;
  }
  const reached = reminderDays.filter((d) => d >= left);
  if (reached.length === 0) return null;
  const threshold = Math.min(...reached);
  return { kind: "due_soon", threshold, daysLeft: left, slot: `due_soon:${threshold}` };
}

/** The dedupe key of a deadline's reminder to one user: the due date is part of it, so an extended deadline reminds again. */
export function reminderDedupeKey(input: { procuratorateId: string; deadlineKey: string; dueOn: IsoDate; slot: string; userId: string }): string {
  return `reminder:${input.procuratorateId}:${input.deadlineKey}:${input.dueOn}:${input.slot}:${input.userId}`;
}

/** The due dates the job reads on `today`: from the lookback to the farthest reminder day. */
export function reminderWindow(today: IsoDate, reminderDays: readonly number[]): { from: IsoDate; to: IsoDate } {
  const far = reminderDays.length ? Math.max(...reminderDays) : 0;
  return { from: addDays(today, -OVERDUE_LOOKBACK_DAYS), to: addDays(today, far) };
}

/** Reads a stored reminderDays JSON; anything unreadable falls back to the default. */
export function parseReminderDays(json: string | null | undefined): number[] {
  try {
    const parsed = reminderDaysSchema.safeParse(JSON.parse(json ?? ""));
    return parsed.success ? parsed.data : [...DEFAULT_REMINDER_DAYS];
  } catch {
    return [...DEFAULT_REMINDER_DAYS];
  }
}

/** Distinct whole days 1..MAX_REMINDER_DAY, at most MAX_REMINDER_DAYS, stored largest first. */
export const reminderDaysSchema = z
  .array(z.number().int().min(0).max(MAX_REMINDER_DAY))
  .min(1)
  .max(MAX_REMINDER_DAYS)
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));
