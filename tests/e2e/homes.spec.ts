import { expect, test } from "@playwright/test";
import type { DemoRole } from "#tests/e2e/support";
import { DEMO, isPhone, screenshot, signIn, signOut, zh } from "#tests/e2e/support";

// Each demo user signs in through the form, lands on their area's home, and signs out.

for (const role of Object.keys(DEMO) as DemoRole[]) {
  const demo = DEMO[role];
  test(`${role} (${demo.username}) signs in, lands on ${demo.home}, signs out`, async ({ page }, testInfo) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh("auth.loginTitle"));
    await signIn(page, demo.username);

    await expect(page).toHaveURL(new RegExp(`${demo.home}$`));
    const heading = page.locator("main h1").first();
    await expect(heading).toBeVisible();
    if (typeof demo.heading === "string") await expect(heading).toHaveText(demo.heading);
    else await expect(heading).toContainText(demo.heading);
    await expect(page.locator(".error-page")).toHaveCount(0);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await screenshot(page, testInfo, `${role}-home`);

    if (isPhone(testInfo)) {
      // Phones get the menu instead of the sidebar.
      await expect(page.locator(".sidebar")).toBeHidden();
      await page.getByText(zh("nav.menu"), { exact: true }).click();
      await expect(page.locator(".mobile-nav-menu").getByRole("link", { name: demo.nav, exact: true })).toBeVisible();
    } else {
      await expect(page.locator(".topbar-area")).toHaveText(demo.area);
      await expect(page.getByRole("navigation", { name: zh("nav.main") }).getByRole("link", { name: demo.nav })).toBeVisible();
    }
    const session = (await page.context().cookies()).filter((c) => c.name === "procura_session");
    expect(session).toHaveLength(1);
    await signOut(page);

    // The session was revoked on the server: even the old cookie, put back, opens nothing.
    await page.context().addCookies(session);
    await page.goto(demo.home);
    await expect(page).toHaveURL(/\/login\?redirectTo=/);
  });
}
