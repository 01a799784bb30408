import { z } from "zod";
import { reminderDaysSchema } from "~/domain/notifications/reminders";

// The forms of the notifications pages and of the administrator's reminder settings
// (/admin/notifications). One schema per intent, shared by Conform in the browser and the action.
// Messages are i18n keys.

const optionalText = (max: number) => z.string().trim().max(max, "validation.tooLong").optional();
const email = z.string().trim().max(200, "validation.tooLong").email("notifications.settings.badEmail");

/** "7, 3, 1" (commas, spaces or 、) → [7, 3, 1]: whole days before a due date. */
const reminderDaysText = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(60, "validation.tooLong")
  .transform((text, ctx) => {
    const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
    const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
    const parsed = reminderDaysSchema.safeParse(days);
    if (days.some((d) => Number.isNaN(d)) || !parsed.success) {
      ctx.addIssue({ code: "custom", message: "notifications.settings.badDays" });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * The settings form. A blank password keeps the stored one (it is never sent back to the
 * browser); clearPassword removes it. With no host, e-mails wait in the outbox.
 */
export const reminderSettingsSchema = z
  .object({
    intent: z.literal("save"),
    reminderDays: reminderDaysText,
    smtpHost: z
      .string()
      .trim()
      .max(200, "validation.tooLong")
      .regex(/^[A-Za-z0-9.-]*$/, "notifications.settings.badHost")
      .optional(),
    smtpPort: z.coerce
      .number({ error: "notifications.settings.badPort" })
      .int("notifications.settings.badPort")
      .min(1, "notifications.settings.badPort")
      .max(65535, "notifications.settings.badPort")
      .optional(),
    smtpSecure: z.boolean().default(false),
    smtpUser: optionalText(200),
    smtpPassword: z.string().max(200, "validation.tooLong").optional(),
    clearPassword: z.boolean().default(false),
    fromAddress: email.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.smtpHost && !v.smtpPort) ctx.addIssue({ code: "custom", path: ["smtpPort"], message: "notifications.settings.badPort" });
    if (v.smtpHost && !v.fromAddress) ctx.addIssue({ code: "custom", path: ["fromAddress"], message: "validation.required" });
  });
export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

/** "Send a test e-mail" to an address the administrator names. */
export const testEmailSchema = z.object({ intent: z.literal("test"), to: email });

export const settingsFormSchema = z.discriminatedUnion("intent", [reminderSettingsSchema, testEmailSchema]);

/** The list's forms: one notification read, or all of them. */
export const markReadSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), notificationId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid") }),
  z.object({ intent: z.literal("readAll") }),
]);

/** The list's "older" cursor (?before=ISO time); anything else starts from the newest. */
export function beforeParam(value: string | null): Date | null {
  if (!value || value.length > 40) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
