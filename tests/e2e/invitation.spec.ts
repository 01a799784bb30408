import { expect, test } from "@playwright/test";
import { screenshot, signIn, signOut, zh } from "#tests/e2e/support";

// The journey of an external panelist: a prosecutor invites them, they open the one-time link in
// their own browser, choose a username and password, and land in the panel portal. The link then
// stops working.
test("a prosecutor invites a panelist, who sets a password and lands on /panel", async ({ page, browser }, testInfo) => {
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/invitations");

  await page.getByLabel(zh("admin.invite.role")).selectOption({ label: zh("role.panelist") });
  const name = `受邀听证员${testInfo.project.name}`;
  await page.getByLabel(zh("admin.invite.displayName")).fill(name);
  const panelistSelect = page.getByLabel(zh("admin.invite.panelist"));
  // Projects run in parallel on one server, and a new invitation replaces a pending one for the same
  // panelist: each project invites a different panelist.
  const free = panelistSelect.locator("option:not([value=''])");
  const option = testInfo.project.name === "phone" ? free.last() : free.first();
  const panelistId = await option.getAttribute("value");
  expect(panelistId).toBeTruthy();
  await panelistSelect.selectOption(panelistId!);
  await page.getByRole("button", { name: zh("admin.invite.submit") }).click();

  const link = await page.getByLabel(zh("admin.invite.link")).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  await screenshot(page, testInfo, "prosecutor-invitation");
  await signOut(page);

  // The invitee, in a browser of their own.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: zh("invite.title") })).toBeVisible();
  const username = `e2e-${testInfo.project.name}-${Date.now() % 1_000_000}`;
  await invitee.getByLabel(zh("invite.username")).fill(username);
  await invitee.getByLabel(/^密码/).first().fill("a-long-enough-secret");
  await invitee.getByLabel(zh("invite.confirm")).fill("a-long-enough-secret");
  await invitee.getByRole("button", { name: zh("invite.submit") }).click();
  await expect(invitee).toHaveURL(/\/panel$/);
  await expect(invitee.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(invitee, testInfo, "invited-panelist-home");

  // The link was for one use only.
  const again = await browser.newContext();
  const reuse = await again.newPage();
  await reuse.goto(link);
  await expect(reuse.getByText(zh("invite.invalid"))).toBeVisible();
  await again.close();
  await context.close();
});
