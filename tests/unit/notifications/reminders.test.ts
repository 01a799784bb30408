import { describe, expect, test } from "vitest";
import { afterFailure, MAX_ATTEMPTS } from "~/domain/notifications/outbox";
import { dueReminder, OVERDUE_LOOKBACK_DAYS, reminderDedupeKey, reminderWindow } from "~/domain/notifications/reminders";
import { linkFor } from "~/domain/notifications/message";
import { reminderSettingsSchema } from "~/domain/notifications/schemas";

const days = [7, 3, 1];

describe("dueReminder", () => {
  test("nothing before the farthest reminder day", () => {
    expect(dueReminder("2026-12-20", "2026-12-01", days)).toBeNull();
  });
  test("on a reminder day: that reminder", () => {
    expect(dueReminder("2026-12-08", "2026-12-01", days)).toMatchObject({ kind: "due_soon", threshold: 7, daysLeft: 7, slot: "due_soon:7" });
    expect(dueReminder("2026-12-04", "2026-12-01", days)).toMatchObject({ threshold: 3, daysLeft: 3 });
  });
  test("a skipped day still gives the latest reached reminder, once (same slot), never the earlier ones", () => {
    // 7 days left was missed (server down); with 5 and 4 days left the 7-day slot is the latest.
    expect(dueReminder("2026-12-06", "2026-12-01", days)?.slot).toBe("due_soon:7");
    expect(dueReminder("2026-12-05", "2026-12-01", days)?.slot).toBe("due_soon:7");
    // Down from 6 days left to 2: only the 3-day reminder, not 7 and 3 both.
    expect(dueReminder("2026-12-03", "2026-12-01", days)?.slot).toBe("due_soon:3");
  });
  test("due today: the 1-day slot with 0 days left", () => {
    expect(dueReminder("2026-12-01", "2026-12-01", days)).toMatchObject({ slot: "due_soon:1", daysLeft: 0 });
  });
  test("passed: one overdue slot within the lookback, none after", () => {
    expect(dueReminder("2026-11-30", "2026-12-01", days)).toMatchObject({ kind: "overdue", daysLate: 1, slot: "overdue" });
    expect(dueReminder("2026-11-20", "2026-12-01", days)).toBeNull();
    expect(OVERDUE_LOOKBACK_DAYS).toBeGreaterThan(0);
  });
  test("the dedupe key names the due date, so an extended deadline reminds again", () => {
    const base = { procuratorateId: "p", deadlineKey: "agency_reply:r1", slot: "due_soon:3", userId: "u" };
    expect(reminderDedupeKey({ ...base, dueOn: "2026-12-04" })).not.toBe(reminderDedupeKey({ ...base, dueOn: "2026-12-11" }));
  });
  test("the job's window: lookback to the farthest reminder day", () => {
    expect(reminderWindow("2026-12-10", days)).toEqual({ from: "2026-12-03", to: "2026-12-17" });
  });
});

describe("outbox backoff", () => {
  test("retries later each time, then fails after MAX_ATTEMPTS", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const first = afterFailure(1, now);
    const second = afterFailure(2, now);
    expect(first.status).toBe("queued");
    expect(second.status === "queued" && first.status === "queued" && second.nextAttemptAt > first.nextAttemptAt).toBe(true);
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
  });
});

describe("links and settings", () => {
  test("a liaison gets portal links only; staff never portal links", () => {
    expect(linkFor("agency", "/agency/recommendations/r1")).toBe("/agency/recommendations/r1");
    expect(linkFor("agency", "/cases/c1")).toBeNull();
    expect(linkFor("agency", "//evil.example/agency")).toBeNull();
    expect(linkFor("prosecutor", "/cases/c1/recommendation")).toBe("/cases/c1/recommendation");
  });
  test("settings: days parsed and sorted; a bad port refused", () => {
    const ok = reminderSettingsSchema.safeParse({ intent: "save", reminderDays: "1, 7，3", smtpHost: "", smtpSecure: false, clearPassword: false });
    expect(ok.success && ok.data.reminderDays).toEqual([7, 3, 1]);
    const bad = reminderSettingsSchema.safeParse({ intent: "save", reminderDays: "7", smtpHost: "mail.example.cn", smtpPort: "70000", fromAddress: "a@b.cn", smtpSecure: false, clearPassword: false });
    expect(bad.success).toBe(false);
    expect(reminderSettingsSchema.safeParse({ intent: "save", reminderDays: "x", smtpSecure: false, clearPassword: false }).success).toBe(false);
  });
});
