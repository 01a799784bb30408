import { describe, expect, test } from "vitest";
import { checkThrottle, THROTTLE, throttleWindowStart, usernameDelayMs } from "~/domain/auth/throttle";

const now = new Date("2026-03-02T02:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const input = (over: Partial<Parameters<typeof checkThrottle>[0]> = {}) => ({
  failuresForPair: 0,
  failuresForIp: 0,
  failuresForUsername: 0,
  oldestPairFailureAt: null,
  oldestIpFailureAt: null,
  now,
  ...over,
});

describe("login throttle", () => {
  test("limits: 5 per username and address, 20 per address, within 15 minutes; bounded delay per username", () => {
    expect(THROTTLE).toEqual({
      windowMinutes: 15,
      maxFailuresPerPair: 5,
      maxFailuresPerIp: 20,
      freeFailuresPerUsername: 5,
      delayStepMs: 250,
      maxDelayMs: 2_000,
    });
  });

  test("the window starts 15 minutes before now", () => {
    expect(throttleWindowStart(now).toISOString()).toBe("2026-03-02T01:45:00.000Z");
  });

  test("no failures: not throttled, no delay", () => {
    expect(checkThrottle(input())).toEqual({ throttled: false, delayMs: 0 });
  });

  test("4 failures for a username from one address: still allowed; the 5th locks that pair", () => {
    const four = { failuresForPair: 4, failuresForUsername: 4, failuresForIp: 4, oldestPairFailureAt: minutesAgo(3) };
    expect(checkThrottle(input(four))).toEqual({ throttled: false, delayMs: 0 });
    const five = { failuresForPair: 5, failuresForUsername: 5, failuresForIp: 5, oldestPairFailureAt: minutesAgo(3) };
    expect(checkThrottle(input(five))).toEqual({ throttled: true, retryAfterMinutes: 12 });
  });

  test("5 failures for a username from elsewhere never refuse it from a fresh address, only slow it down", () => {
    expect(checkThrottle(input({ failuresForUsername: 5 }))).toEqual({ throttled: false, delayMs: 250 });
    // However many: still not refused, and the delay stays bounded.
    expect(checkThrottle(input({ failuresForUsername: 10_000 }))).toEqual({ throttled: false, delayMs: 2_000 });
  });

  test("the per-username delay grows by step and stops at the cap", () => {
    expect([0, 4, 5, 6, 7, 12, 13, 50].map(usernameDelayMs)).toEqual([0, 0, 250, 500, 750, 2_000, 2_000, 2_000]);
  });

  test("19 failures from one address: allowed; 20: throttled, whatever the username", () => {
    expect(checkThrottle(input({ failuresForIp: 19 })).throttled).toBe(false);
    expect(checkThrottle(input({ failuresForIp: 20, oldestIpFailureAt: minutesAgo(5) }))).toEqual({
      throttled: true,
      retryAfterMinutes: 10,
    });
  });

  test("both limits reached: the later release is reported", () => {
    const result = checkThrottle(
      input({ failuresForPair: 5, oldestPairFailureAt: minutesAgo(10), failuresForIp: 20, oldestIpFailureAt: minutesAgo(2) }),
    );
    expect(result).toEqual({ throttled: true, retryAfterMinutes: 13 });
  });

  test("retry-after counts from the oldest failure in the window, rounded up, at least 1 minute", () => {
    const at = (oldest: Date | null) =>
      checkThrottle(input({ failuresForPair: 5, oldestPairFailureAt: oldest })) as { retryAfterMinutes: number };
    expect(at(null).retryAfterMinutes).toBe(15);
    expect(at(now).retryAfterMinutes).toBe(15);
    expect(at(minutesAgo(10)).retryAfterMinutes).toBe(5);
    expect(at(new Date(minutesAgo(10).getTime() + 1)).retryAfterMinutes).toBe(6);
    expect(at(new Date(minutesAgo(15).getTime() + 1_000)).retryAfterMinutes).toBe(1);
    expect(at(minutesAgo(15)).retryAfterMinutes).toBe(1);
    expect(at(minutesAgo(60)).retryAfterMinutes).toBe(1);
  });
});
