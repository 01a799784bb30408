import type { ReminderSettingsInput } from "~/domain/notifications/schemas";
import { DEFAULT_REMINDER_DAYS, parseReminderDays } from "~/domain/notifications/reminders";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { openSecret, sealSecret } from "~/utils/secret-box.server";

// A procuratorate's reminder days and SMTP connection (ReminderSettings, one row per procuratorate,
// created on the first save). The password is sealed at rest (app/utils/secret-box.server.ts,
// docs/decisions/0023-sealed-settings-secrets.md) and opened only by the mailer: never sent to a
// page, never logged or audited (the audit says only none / set / sealed).

/** An SMTP connection that can send. */
export type SmtpConnection = {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
};

/**
 * What the mailer can do with a procuratorate's settings: nothing set (e-mails wait), a password
 * that does not open (the key changed: e-mails wait, the page asks for it again), or send.
 */
export type SmtpConnectionState = { status: "none" } | { status: "unreadable" } | { status: "ready"; connection: SmtpConnection };

/** Whether a password is stored, and whether this installation's key opens it. */
export type StoredPassword = "none" | "stored" | "unreadable";

/** The additional authenticated data of a procuratorate's sealed password: it opens only in its own row. */
export const smtpPasswordContext = (procuratorateId: string) => `ReminderSettings.smtpPassword:${procuratorateId}`;

function passwordOf(procuratorateId: string, stored: string | null): { state: StoredPassword; value: string | null; legacy: boolean } {
  if (!stored) return { state: "none", value: null, legacy: false };
  const opened = openSecret(stored, smtpPasswordContext(procuratorateId));
  if (opened.status === "unreadable") return { state: "unreadable", value: null, legacy: false };
  return { state: "stored", value: opened.value, legacy: opened.status === "legacy" };
}

/** What the settings page shows: everything but the password, of which only whether one is stored (and readable). */
export async function getReminderSettings(procuratorateId: string, db: Tx = prisma) {
  const row = await db.reminderSettings.findUnique({ where: { procuratorateId } });
  const password = passwordOf(procuratorateId, row?.smtpPassword ?? null).state;
  return {
    reminderDays: row ? parseReminderDays(row.reminderDays) : [...DEFAULT_REMINDER_DAYS],
    smtpHost: row?.smtpHost ?? null,
    smtpPort: row?.smtpPort ?? null,
    smtpSecure: row?.smtpSecure ?? false,
    smtpUser: row?.smtpUser ?? null,
    password,
    fromAddress: row?.fromAddress ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The connection of a procuratorate, for the mailer only (holds the opened password). */
export async function smtpConnectionOf(procuratorateId: string, db: Tx = prisma): Promise<SmtpConnectionState> {
  const row = await db.reminderSettings.findUnique({ where: { procuratorateId } });
  return row ? connectionOf(row) : { status: "none" };
}

export function connectionOf(row: {
  procuratorateId: string;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPassword: string | null;
  fromAddress: string | null;
}): SmtpConnectionState {
  if (!row.smtpHost || !row.smtpPort || !row.fromAddress) return { status: "none" };
  const password = passwordOf(row.procuratorateId, row.smtpPassword);
  if (password.state === "unreadable") return { status: "unreadable" };
  return {
    status: "ready",
    connection: { host: row.smtpHost, port: row.smtpPort, secure: row.smtpSecure, user: row.smtpUser, password: password.value, from: row.fromAddress },
  };
}

/**
 * Saves the settings and audits the change (the password only as none / set / sealed, never its
 * value). A new password is sealed; a blank one keeps the stored one (sealing it if it was stored
 * in clear before sealing existed); clearPassword removes it.
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
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
      const before = current ? current[field] : field === "reminderDays" ? JSON.stringify(DEFAULT_REMINDER_DAYS) : field === "smtpSecure" ? false : null;
      if (before !== value) changes[field] = { from: before, to: value };
    }
    const stored = current?.smtpPassword ?? null;
    const kept = passwordOf(procuratorateId, stored);
    let password = stored;
    if (input.clearPassword) password = null;
    else if (input.smtpPassword) password = sealSecret(input.smtpPassword, smtpPasswordContext(procuratorateId));
    else if (kept.legacy && kept.value !== null) password = sealSecret(kept.value, smtpPasswordContext(procuratorateId));
    if (password !== stored) {
      changes.smtpPassword = {
        from: stored ? (kept.legacy ? "clear" : "set") : "none",
        to: password === null ? "none" : input.smtpPassword ? "set" : "sealed",
      };
    }
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

/**
 * Seals the passwords still stored in clear (from before sealing), each with an audit event that
 * says only "clear → sealed". Run by the outbox job before it delivers (app/utils/scheduler.server.ts),
 * so no clear value outlives the first run after an upgrade; idempotent.
 */
export async function sealLegacySmtpPasswords(db: typeof prisma = prisma): Promise<number> {
  const rows = await db.reminderSettings.findMany({ where: { smtpPassword: { not: null } }, select: { procuratorateId: true, smtpPassword: true } });
  let sealed = 0;
  for (const row of rows) {
    const opened = passwordOf(row.procuratorateId, row.smtpPassword);
    if (!opened.legacy || opened.value === null) continue;
    const value = opened.value;
    await db.$transaction(async (tx) => {
      // Only if it is still the clear value read above (an administrator may have saved meanwhile).
      const { count } = await tx.reminderSettings.updateMany({
        where: { procuratorateId: row.procuratorateId, smtpPassword: row.smtpPassword },
        data: { smtpPassword: sealSecret(value, smtpPasswordContext(row.procuratorateId)) },
      });
      if (count === 0) return;
      await recordAudit(tx, {
        procuratorateId: row.procuratorateId,
        actorId: null,
        action: "reminder_settings.seal_password",
        entityType: "ReminderSettings",
        entityId: row.procuratorateId,
        data: { smtpPassword: { from: "clear", to: "sealed" } },
      });
      sealed += 1;
    });
  }
  return sealed;
}
