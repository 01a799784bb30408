import { z } from "zod";

/** What a notification says, Notification.kind. Labels and texts: notifications.kind.<k> (issue 11 §7). */
export const NOTIFICATION_KINDS = [
  "due_soon", // a due date is a set number of days away (ReminderSettings.reminderDays)
  "overdue", // a due date has passed
  "reply_arrived", // an agency submitted its reply (to the case's prosecutors)
] as const;
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** OutboxEmail.status: queued until the SMTP server accepts it (sent) or attempts run out (failed). */
export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export const outboxStatusSchema = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;
