import { z } from "zod";
import { liveDeadlineKindSchema } from "~/domain/deadlines/live";
import type { NotificationKind } from "~/domain/notifications/kinds";
import type { DueReminder } from "~/domain/notifications/reminders";

// The params each kind of notification stores (Notification.params JSON), one schema per kind.
// Every producer builds them through the functions below (the reminders job: reminderParams; the
// reply submission: replyArrivedParams), and the renderer (message.ts) reads them through the same
// schemas, so a field one side writes and the other never reads (or the reverse) is a type error.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a reminder is about: the deadline, its case (staff copies only) and its agency. */
const reminderBase = z.object({
  deadlineKind: liveDeadlineKindSchema,
  dueOn: isoDate,
  /** null in a liaison's copy: the portal shows the agency its letter, not the case file. */
  caseNumber: z.string().nullable(),
  caseTitle: z.string().nullable(),
  agencyName: z.string().nullable(),
});

export const notificationParamsSchemas = {
  due_soon: reminderBase.extend({ daysLeft: z.number().int().min(0) }),
  overdue: reminderBase.extend({ daysLate: z.number().int().min(1) }),
  reply_arrived: z.object({
    /** The recommendation's 文号 (null before it has one). */
    recommendationNumber: z.string().nullable(),
    caseTitle: z.string(),
    /** The agency that replied (the renderer's {agency}). */
    agencyName: z.string(),
    receiptNumber: z.string(),
    late: z.boolean(),
  }),
} satisfies Record<NotificationKind, z.ZodType>;

export type NotificationParamsOf<K extends NotificationKind> = z.infer<(typeof notificationParamsSchemas)[K]>;
export type DueSoonParams = NotificationParamsOf<"due_soon">;
export type OverdueParams = NotificationParamsOf<"overdue">;
export type ReplyArrivedParams = NotificationParamsOf<"reply_arrived">;

/** The params as stored, checked against the kind's schema (a producer's mistake throws here, in its transaction). */
export function storeParams<K extends NotificationKind>(kind: K, params: NotificationParamsOf<K>): string {
  return JSON.stringify(notificationParamsSchemas[kind].parse(params));
}

/**
 * A stored row's params, read leniently for display: each field that does not fit its kind's
 * schema is dropped (the renderer has a wording for every missing field), never an error.
 */
export function readParams<K extends NotificationKind>(kind: K, raw: unknown): Partial<NotificationParamsOf<K>> {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return {};
  const shape = notificationParamsSchemas[kind].shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[field]);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return out as Partial<NotificationParamsOf<K>>;
}

/** The params of a due-date reminder (the reminders job, app/models/notification.server.ts). */
export function reminderParams(input: {
  deadlineKind: DueSoonParams["deadlineKind"];
  dueOn: string;
  reminder: DueReminder;
  caseNumber: string | null;
  caseTitle: string | null;
  agencyName: string | null;
  /** A liaison's copy: without the case's number and title. */
  forLiaison: boolean;
}): { kind: "due_soon"; params: DueSoonParams } | { kind: "overdue"; params: OverdueParams } {
  const base = {
    deadlineKind: input.deadlineKind,
    dueOn: input.dueOn,
    caseNumber: input.forLiaison ? null : input.caseNumber,
    caseTitle: input.forLiaison ? null : input.caseTitle,
    agencyName: input.agencyName,
  };
  return input.reminder.kind === "due_soon"
    ? { kind: "due_soon", params: { ...base, daysLeft: input.reminder.daysLeft } }
    : { kind: "overdue", params: { ...base, daysLate: input.reminder.daysLate } };
}

/** The params of a reply that arrived (the reply submission, app/models/reply.server.ts). */
export function replyArrivedParams(input: ReplyArrivedParams): ReplyArrivedParams {
  return {
    recommendationNumber: input.recommendationNumber,
    caseTitle: input.caseTitle,
    agencyName: input.agencyName,
    receiptNumber: input.receiptNumber,
    late: input.late,
  };
}

/** A stored params JSON as an object (anything unreadable is {}); readParams narrows it per kind. */
export function parseStoredParams(json: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
