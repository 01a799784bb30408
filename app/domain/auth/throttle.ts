/**
 * Throttling of failed sign-ins: after too many failures for one username (or from one address)
 * within the window, further attempts are refused until the window has passed, even with the
 * right password. Pure, so the numbers are tested without a database.
 */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerUsername: 5,
  maxFailuresPerIp: 20,
} as const;

export type ThrottleInput = {
  failuresForUsername: number;
  failuresForIp: number;
  /** The most recent failure counted, to tell the user when to try again. */
  oldestFailureAt: Date | null;
  now: Date;
};

export type ThrottleResult = { throttled: false } | { throttled: true; retryAfterMinutes: number };

export function throttleWindowStart(now: Date): Date {
  return new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
}

export function checkThrottle(input: ThrottleInput): ThrottleResult {
  const over =
    input.failuresForUsername >= THROTTLE.maxFailuresPerUsername ||
    input.failuresForIp >= THROTTLE.maxFailuresPerIp;
  if (!over) return { throttled: false };
  const oldest = input.oldestFailureAt ?? input.now;
  const freeAt = oldest.getTime() + THROTTLE.windowMinutes * 60_000;
  const retryAfterMinutes = Math.max(1, Math.ceil((freeAt - input.now.getTime()) / 60_000));
  return { throttled: true, retryAfterMinutes };
}
