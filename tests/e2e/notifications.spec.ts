import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { notificationsOf, replyDueOn, runReminders, seedInbox, storedSettings } from "#tests/e2e/notifications-support";
import { isPhone, signIn, zh } from "#tests/e2e/support";
import { startSmtpSink } from "#tests/support/smtp-sink";

// Issue 11 §7 in the browser: the unread count in the top bar, the inboxes of a liaison and of a
// prosecutor (empty at first; a due_soon reminder made by the reminders job; a reply_arrived made
// by the liaison's reply), mark one and all read, another user's notification refused; the
// administrator's SMTP settings against a local SMTP sink, with refusals that write nothing; and
// the settings page closed to a prosecutor.

test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(isPhone(testInfo), "the journey writes to the shared demo database; the desktop project runs it once");
});

const unread = (page: Page) => page.getByTestId("unread-count");

test("liaison and prosecutor: empty inbox, unread count, reminder and reply texts, mark read, mark all read, another's notification refused", async ({ browser }) => {
  const seed = await seedInbox();
  const liaisonContext = await browser.newContext();
  const prosecutorContext = await browser.newContext();
  const liaison = await liaisonContext.newPage();
  const prosecutor = await prosecutorContext.newPage();

  // Both start with nothing: no count in the top bar, an empty inbox that says what will appear.
  await signIn(liaison, seed.liaison.username, seed.password);
  await expect(liaison).toHaveURL(/\/agency$/);
  await expect(liaison.getByTestId("topbar-notifications")).toBeVisible();
  await expect(unread(liaison)).toHaveCount(0);
  await liaison.getByTestId("topbar-notifications").click();
  await expect(liaison).toHaveURL(/\/agency\/notifications$/);
  await expect(liaison.getByTestId("notifications-empty")).toContainText(zh("notifications.empty"));
  await expect(liaison.getByTestId("notifications-empty")).toContainText(zh("notifications.emptyHint.agency"));

  await signIn(prosecutor, seed.prosecutor.username, seed.password);
  await expect(prosecutor).toHaveURL(/\/work$/);
  await expect(unread(prosecutor)).toHaveCount(0);
  await prosecutor.goto("/notifications");
  await expect(prosecutor.getByTestId("notifications-empty")).toContainText(zh("notifications.empty"));
  await expect(prosecutor.getByTestId("notifications-empty")).toContainText(zh("notifications.emptyHint.staff"));

  // The reminders job: the reply falls due within the reminder days.
  expect(runReminders(seed.caseId).created).toBeGreaterThanOrEqual(2);
  const dueOn = replyDueOn(seed.recommendationId);
  expect(dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The liaison: one unread reminder, about the reply deadline, without the case's title.
  await liaison.reload();
  await expect(unread(liaison)).toHaveText("1");
  const reminder = liaison.getByTestId("notification");
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText(zh("notifications.kind.due_soon"));
  await expect(reminder).toContainText(zh("deadlines.kind.agency_reply"));
  await expect(reminder).toContainText(dueOn!);
  await expect(reminder).not.toContainText(seed.caseTitle);
  await expect(reminder).not.toContainText(/[{}]|undefined|null/);
  await expect(reminder.getByRole("link")).toHaveAttribute("href", `/agency/recommendations/${seed.recommendationId}`);

  // Another user's notification (the prosecutor's) in the mark-read form: 404, and it stays unread.
  const theirs = notificationsOf(seed.prosecutor.id);
  expect(theirs).toHaveLength(1);
  await reminder.locator('input[name="notificationId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), theirs[0]!.id);
  await reminder.getByRole("button", { name: zh("notifications.markRead") }).click();
  await expect(liaison.getByRole("alert")).toContainText(zh("error.404"));
  expect(notificationsOf(seed.prosecutor.id)[0]!.readAt).toBeNull();
  expect(notificationsOf(seed.liaison.id)[0]!.readAt).toBeNull();

  // Marked read: the count goes.
  await liaison.goto("/agency/notifications");
  await liaison.getByTestId("notification").getByRole("button", { name: zh("notifications.markRead") }).click();
  await expect(unread(liaison)).toHaveCount(0);
  await expect(liaison.getByTestId("notification")).toContainText(zh("notifications.read"));
  await expect(liaison.getByTestId("notification")).not.toHaveAttribute("data-unread", "true");

  // The liaison replies: the prosecutor is told.
  await liaison.goto(`/agency/recommendations/${seed.recommendationId}/reply`);
  const point = liaison.getByTestId("point-1");
  await point.getByLabel(zh("agencyReply.reply.status")).selectOption("done");
  await point.getByLabel(zh("agencyReply.reply.text")).fill("河道垃圾已清理完毕");
  await liaison.getByLabel(zh("agencyReply.reply.summary")).fill("已整改");
  await liaison.getByRole("button", { name: zh("agencyReply.reply.submit") }).click();
  await expect(liaison).toHaveURL(/\/receipt$/);

  // The prosecutor: two unread (the reminder and the reply), texts with the agency and the number.
  await prosecutor.goto("/notifications");
  await expect(unread(prosecutor)).toHaveText("2");
  const items = prosecutor.getByTestId("notification");
  await expect(items).toHaveCount(2);
  const reply = items.filter({ hasText: zh("notifications.kind.reply_arrived") });
  await expect(reply).toContainText(seed.agencyName);
  await expect(reply).toContainText(seed.number);
  await expect(reply).toContainText("回执号");
  await expect(reply).not.toContainText(zh("notifications.agency.unknown") + "已提交");
  const due = items.filter({ hasText: zh("notifications.kind.due_soon") });
  await expect(due).toContainText(seed.caseNumber);
  await expect(due).toContainText(dueOn!);
  for (const text of await items.allInnerTexts()) expect(text).not.toMatch(/[{}]|undefined|null/);

  // One read: the count goes down; then all read.
  await reply.getByRole("button", { name: zh("notifications.markRead") }).click();
  await expect(unread(prosecutor)).toHaveText("1");
  await prosecutor.getByRole("button", { name: zh("notifications.markAllRead") }).click();
  await expect(prosecutor.getByText(zh("notifications.markedAll"))).toBeVisible();
  await expect(unread(prosecutor)).toHaveCount(0);
  await expect(prosecutor.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
  expect(notificationsOf(seed.prosecutor.id).every((n) => n.readAt)).toBe(true);

  await liaisonContext.close();
  await prosecutorContext.close();
});

test("administrator: SMTP settings saved (password only 'stored'), a test e-mail reaches the sink; bad port, address and days refused, nothing written", async ({ page, browser }) => {
  const sink = await startSmtpSink();
  const { port, received, logins } = sink;
  try {
    await signIn(page, "admin");
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/admin/notifications");
    await page.getByLabel(zh("notifications.settings.reminderDays"), { exact: true }).fill("7, 3, 1");
    await page.getByLabel(zh("notifications.settings.smtpHost"), { exact: true }).fill("127.0.0.1");
    await page.getByLabel(zh("notifications.settings.smtpPort"), { exact: true }).fill(String(port));
    await page.getByLabel(zh("notifications.settings.smtpUser"), { exact: true }).fill("mailer");
    await page.getByLabel(zh("notifications.settings.smtpPassword"), { exact: true }).fill("e2e-smtp-secret");
    await page.getByLabel(zh("notifications.settings.fromAddress"), { exact: true }).fill("procura-e2e@example.cn");
    await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
    await expect(page.getByText(zh("notifications.settings.saved"))).toBeVisible();

    // Saved: the values come back, the password only as "stored", never its value.
    await page.reload();
    await expect(page.getByLabel(zh("notifications.settings.smtpHost"), { exact: true })).toHaveValue("127.0.0.1");
    await expect(page.getByLabel(zh("notifications.settings.smtpPort"), { exact: true })).toHaveValue(String(port));
    await expect(page.getByLabel(zh("notifications.settings.smtpPassword"), { exact: true })).toHaveValue("");
    await expect(page.getByText(zh("notifications.settings.password.stored"))).toBeVisible();
    expect(await page.content()).not.toContain("e2e-smtp-secret");
    const saved = storedSettings();
    expect(saved).toMatchObject({ smtpHost: "127.0.0.1", smtpPort: port, fromAddress: "procura-e2e@example.cn" });
    expect(saved!.smtpPassword).toMatch(/^v1:/);
    expect(saved!.smtpPassword).not.toContain("e2e-smtp-secret");

    // A test e-mail: sent through the sink, logged in with the stored password.
    await page.getByLabel(zh("notifications.settings.testTo"), { exact: true }).fill("admin-e2e@example.cn");
    await page.getByRole("button", { name: zh("notifications.settings.test"), exact: true }).click();
    await expect(page.getByText(zh("notifications.settings.testSent").replace("{to}", "admin-e2e@example.cn"))).toBeVisible();
    await expect.poll(() => received.some((m) => m.to === "admin-e2e@example.cn")).toBe(true);
    expect(logins).toContainEqual({ user: "mailer", pass: "e2e-smtp-secret" });

    // Refusals in the browser (the form's own check): a port out of range, a bad sender, bad days.
    await page.getByLabel(zh("notifications.settings.smtpPort"), { exact: true }).fill("70000");
    await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
    await expect(page.getByText(zh("notifications.settings.badPort"))).toBeVisible();
    await page.getByLabel(zh("notifications.settings.smtpPort"), { exact: true }).fill(String(port));
    await page.getByLabel(zh("notifications.settings.fromAddress"), { exact: true }).fill("not-an-address");
    await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
    await expect(page.getByText(zh("notifications.settings.badEmail"))).toBeVisible();
    await page.getByLabel(zh("notifications.settings.fromAddress"), { exact: true }).fill("procura-e2e@example.cn");
    await page.getByLabel(zh("notifications.settings.reminderDays"), { exact: true }).fill("3, 99");
    await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
    await expect(page.getByText(zh("notifications.settings.badDays"))).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(zh("notifications.settings.reminderDays"), { exact: true })).toHaveValue("7, 3, 1");

    // The same refusals reach the server without JavaScript: 400, the message, nothing written.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await signIn(noJs, "admin");
    await expect(noJs).toHaveURL(/\/admin$/);
    for (const [label, value, message] of [
      [zh("notifications.settings.smtpPort"), "70000", zh("notifications.settings.badPort")],
      [zh("notifications.settings.fromAddress"), "not-an-address", zh("notifications.settings.badEmail")],
      [zh("notifications.settings.reminderDays"), "3, 99", zh("notifications.settings.badDays")],
    ] as const) {
      await noJs.goto("/admin/notifications");
      await noJs.getByLabel(label, { exact: true }).fill(value);
      const [response] = await Promise.all([
        noJs.waitForResponse((r) => r.url().includes("/admin/notifications") && r.request().method() === "POST"),
        noJs.getByRole("button", { name: zh("common.save"), exact: true }).click(),
      ]);
      expect(response.status()).toBe(400);
      await expect(noJs.getByText(message)).toBeVisible();
      expect(storedSettings()).toEqual(saved);
    }
    await plain.close();
    await page.reload();
    await expect(page.getByLabel(zh("notifications.settings.smtpPort"), { exact: true })).toHaveValue(String(port));
    await expect(page.getByLabel(zh("notifications.settings.fromAddress"), { exact: true })).toHaveValue("procura-e2e@example.cn");
  } finally {
    await sink.close();
  }
});

test("a prosecutor cannot open the reminder settings", async ({ page }) => {
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  const response = await page.goto("/admin/notifications");
  expect([403, 404]).toContain(response!.status());
  await expect(page.getByLabel(zh("notifications.settings.smtpHost"), { exact: true })).toHaveCount(0);
});
