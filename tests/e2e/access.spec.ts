import { expect, test } from "@playwright/test";
import { DEMO, screenshot, settleFocus, signIn, zh } from "#tests/e2e/support";

test("an anonymous visitor of /cases is sent to sign in, then back to /cases", async ({ page }) => {
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fcases$/);
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/cases$/);
});

test("a panelist visiting /cases gets the 403 page", async ({ page }, testInfo) => {
  await signIn(page, DEMO.panelist.username);
  await expect(page).toHaveURL(/\/panel$/);
  const response = await page.goto("/cases");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("您没有权限访问此页面")).toBeVisible();
  await screenshot(page, testInfo, "panelist-403");
});

test("a wrong password shows the error and keeps the visitor on the form", async ({ page }) => {
  // An unknown account, so no demo user collects failed attempts (5 lock it for 15 minutes).
  await signIn(page, "no-such-user", "wrong-password");
  await expect(page.getByRole("alert")).toContainText("用户名或密码不正确");
  await expect(page).toHaveURL(/\/login$/);
});

test("the language switch turns the sign-in page into English and back", async ({ page }) => {
  await page.goto("/login");
  // The username field has focus; leaving it may show its error, so let the layout settle first.
  await settleFocus(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(/\/login$/);
  await settleFocus(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: zh("auth.submit"), exact: true })).toBeVisible();
});

test("the public announcements page needs no sign-in", async ({ page }, testInfo) => {
  const response = await page.goto("/public");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/public$/);
  await expect(page.locator("main h1").first()).toHaveText(zh("portal.public.title"));
  await expect(page.getByRole("link", { name: zh("auth.login") })).toBeVisible();
  await screenshot(page, testInfo, "public-home");
});
