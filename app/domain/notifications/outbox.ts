/** After this many failed attempts an e-mail ends "failed", its lastError shown to the administrator. */
export const MAX_ATTEMPTS = 5;
/** The first retry waits this long; each further one four times longer (1 min, 4, 16, 64 …), at most MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** What a failed attempt leads to: another try at a later time, or the end (failed). */
export function afterFailure(attempts: number, now: Date): { status: "queued"; nextAttemptAt: Date } | { status: "failed" } {
  if (attempts >= MAX_ATTEMPTS) return { status: "failed" };
  const delay = Math.min(FIRST_BACKOFF_MS * 4 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + delay) };
}

/**
 * OutboxEmail.lastError while the procuratorate's stored SMTP password cannot be opened (the
 * settings key changed): the e-mails wait, attempts untouched, until an administrator enters the
 * password again. The settings page shows it in the reader's language
 * (notifications.settings.passwordUnreadable).
 */
export const UNREADABLE_PASSWORD_ERROR = "the stored SMTP password cannot be read; enter it again";
