/**
 * Throttling of failed sign-ins. Pure, so the numbers are tested without a database.
 *
 * - Per (username, address) pair: after 5 failures within the window, that pair is refused until
 *   the window has passed, even with the right password.
 * - Per address: after 20 failures within the window (any usernames), the address is refused.
 * - Per username alone (all addresses together): never refused, only slowed down by a short,
 *   bounded delay. Refusing here would let anyone lock any account (the chief prosecutor's, say)
 *   by typing five wrong passwords from anywhere.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerPair: 5,
  maxFailuresPerIp: 20,
  /** Failures for a username (all addresses) tolerated before sign-ins for it are slowed down. */
  freeFailuresPerUsername: 5,
  delayStepMs: 250,
  maxDelayMs: 2_000,
} as const;

export type ThrottleInput = {
  /** Failures within the window before this attempt, for this username from this address. */
  failuresForPair: number;
  /** Failures within the window before this attempt, from this address (any username). */
  failuresForIp: number;
  /** Failures within the window before this attempt, for this username (any address). */
  failuresForUsername: number;
  /** The oldest failure counted for the pair / the address, to tell the user when to try again. */
  oldestPairFailureAt: Date | null;
  oldestIpFailureAt: Date | null;
  now: Date;
};

export type ThrottleResult =
  | { throttled: false; delayMs: number }
  | { throttled: true; retryAfterMinutes: number };

export function throttleWindowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
}

function retryAfter(oldest: Date | null, now: Date): number {
  const freeAt = (oldest ?? now).getTime() + THROTTLE.windowMinutes * 60_000;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

/** The delay before checking a password for a username with this many recent failures. */
export function usernameDelayMs(failuresForUsername: number): number {
  const over = failuresForUsername - THROTTLE.freeFailuresPerUsername + 1;
  if (over <= 0) return 0;
  return Math.min(THROTTLE.maxDelayMs, over * THROTTLE.delayStepMs);
}

export function checkThrottle(input: ThrottleInput): ThrottleResult {
  const waits: number[] = [];
  if (input.failuresForPair >= THROTTLE.maxFailuresPerPair) waits.push(retryAfter(input.oldestPairFailureAt, input.now));
  if (input.failuresForIp >= THROTTLE.maxFailuresPerIp) waits.push(retryAfter(input.oldestIpFailureAt, input.now));
  if (waits.length > 0) return { throttled: true, retryAfterMinutes: Math.max(...waits) };
  return { throttled: false, delayMs: usernameDelayMs(input.failuresForUsername) };
}
