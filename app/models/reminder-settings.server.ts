import type { ReminderSettingsInput } from "~/domain/notifications/schemas";
import { DEFAULT_REMINDER_DAYS, parseReminderDays } from "~/domain/notifications/reminders";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";

// A procuratorate's reminder days and SMTP connection (ReminderSettings, one row per procuratorate,
// created on the first save). The password is read only by the mailer: never by a page.

/** An SMTP connection that can send; null when none is set (e-mails then wait in the outbox). */
export type SmtpConnection = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
};

/** What the settings page shows: everything but the password, of which only whether one is stored. */
export async function getReminderSettings(procuratorateId: string, db: Tx = prisma) {
  const row = await db.reminderSettings.findUnique({ where: { procuratorateId } });
  return {
    reminderDays: row ? parseReminderDays(row.reminderDays) : [...DEFAULT_REMINDER_DAYS],
    smtpHost: row?.smtpHost ?? null,
    smtpPort: row?.smtpPort ?? null,
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? null,
    hasPassword: !!row?.smtpPassword,
    fromAddress: row?.fromAddress ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The connection of a procuratorate, for the mailer only (holds the password). */
export async function smtpConnectionOf(procuratorateId: string, db: Tx = prisma): Promise<SmtpConnection | null> {
  const row = await db.reminderSettings.findUnique({ where: { procuratorateId } });
  return row ? connectionOf(row) : null;
}

export function connectionOf(row: {
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPassword: string | null;
  fromAddress: string | null;
}): SmtpConnection | null {
  if (!row.smtpHost || !row.smtpPort || !row.fromAddress) return null;
  return { host: row.smtpHost, port: row.smtpPort, secure: row.smtpSecure, user: row.smtpUser, password: row.smtpPassword, from: row.fromAddress };
}

/**
 * Saves the settings and audits the change (the password only as "changed", never its value).
 * A blank password keeps the stored one; clearPassword removes it.
 */
export async function saveReminderSettings(procuratorateId: string, actorId: string, input: ReminderSettingsInput) {
  await prisma.$transaction(async (tx) => {
    const current = await tx.reminderSettings.findUnique({ where: { procuratorateId } });
    const next = {
      reminderDays: JSON.stringify(input.reminderDays),
      smtpHost: input.smtpHost || null,
      smtpPort: input.smtpPort ?? null,
      smtpSecure: input.smtpSecure,
      smtpUser: input.smtpUser || null,
      fromAddress: input.fromAddress || null,
    };
    const password = input.clearPassword ? null : input.smtpPassword ? input.smtpPassword : (current?.smtpPassword ?? null);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
      const before = current ? current[field] : field === "reminderDays" ? JSON.stringify(DEFAULT_REMINDER_DAYS) : field === "smtpSecure" ? false : null;
      if (before !== value) changes[field] = { from: before, to: value };
    }
    if ((current?.smtpPassword ?? null) !== password) changes.smtpPassword = { from: current?.smtpPassword ? "set" : "none", to: password ? "set" : "none" };
    if (current && Object.keys(changes).length === 0) return;
    await tx.reminderSettings.upsert({
      where: { procuratorateId },
      create: { procuratorateId, ...next, smtpPassword: password, updatedById: actorId },
      update: { ...next, smtpPassword: password, updatedById: actorId },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "reminder_settings.update",
      entityType: "ReminderSettings",
      entityId: procuratorateId,
      data: changes,
    });
  });
}
