import { describe, expect, test } from "vitest";
import { checkThrottle, THROTTLE, throttleWindowStart } from "~/domain/auth/throttle";

const now = new Date("2026-03-02T02:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const input = (over: Partial<Parameters<typeof checkThrottle>[0]> = {}) => ({
  failuresForUsername: 0,
  failuresForIp: 0,
  oldestFailureAt: null,
  now,
  ...over,
});

describe("login throttle", () => {
  test("limits: 5 per username, 20 per address, within 15 minutes", () => {
    expect(THROTTLE).toEqual({ windowMinutes: 15, maxFailuresPerUsername: 5, maxFailuresPerIp: 20 });
  });

  test("the window starts 15 minutes before now", () => {
    expect(throttleWindowStart(now).toISOString()).toBe("2026-03-02T01:45:00.000Z");
  });

  test("no failures: not throttled", () => {
    expect(checkThrottle(input())).toEqual({ throttled: false });
  });

  test("4 failures for a username: still allowed; the 5th makes it throttled", () => {
    expect(checkThrottle(input({ failuresForUsername: 4, oldestFailureAt: minutesAgo(3) }))).toEqual({ throttled: false });
    expect(checkThrottle(input({ failuresForUsername: 5, oldestFailureAt: minutesAgo(3) }))).toEqual({
      throttled: true,
      retryAfterMinutes: 12,
    });
  });

  test("19 failures from one address: allowed; 20: throttled", () => {
    expect(checkThrottle(input({ failuresForIp: 19 }))).toEqual({ throttled: false });
    expect(checkThrottle(input({ failuresForIp: 20 })).throttled).toBe(true);
  });

  test("retry-after counts from the oldest failure in the window, rounded up, at least 1 minute", () => {
    const at = (oldest: Date | null) =>
      checkThrottle(input({ failuresForUsername: 5, oldestFailureAt: oldest })) as { retryAfterMinutes: number };
    expect(at(null).retryAfterMinutes).toBe(15);
    expect(at(now).retryAfterMinutes).toBe(15);
    expect(at(minutesAgo(10)).retryAfterMinutes).toBe(5);
    expect(at(new Date(minutesAgo(10).getTime() + 1)).retryAfterMinutes).toBe(6);
    expect(at(new Date(minutesAgo(15).getTime() + 1_000)).retryAfterMinutes).toBe(1);
    expect(at(minutesAgo(15)).retryAfterMinutes).toBe(1);
    expect(at(minutesAgo(60)).retryAfterMinutes).toBe(1);
  });
});
