import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect } from "@playwright/test";
import { zhCN } from "~/i18n/zh-CN";

/** Chinese UI text by key, so the tests follow the dictionary rather than copies of it. */
export const zh = (key: keyof typeof zhCN): string => zhCN[key];

export const DEMO_PASSWORD = "procura-demo";

export type DemoRole = "prosecutor" | "approver" | "admin" | "panelist" | "agency";

/** Each demo account, where it lands, and what its home must show. */
export const DEMO: Record<DemoRole, { username: string; home: string; area: string; heading: string | RegExp; nav: string }> = {
  prosecutor: { username: "prosecutor", home: "/work", area: zh("area.staff"), heading: zh("work.title"), nav: zh("nav.clues") },
  approver: { username: "chief", home: "/approvals", area: zh("area.staff"), heading: zh("approvals.title"), nav: zh("nav.cases") },
  // The admin overview is titled with the procuratorate's name.
  admin: { username: "admin", home: "/admin", area: zh("area.admin"), heading: /人民检察院/, nav: zh("nav.admin.users") },
  panelist: { username: "panelist", home: "/panel", area: zh("area.panel"), heading: zh("portal.panel.title"), nav: zh("nav.panel.hearings") },
  agency: { username: "agency", home: "/agency", area: zh("area.agency"), heading: zh("portal.agency.title"), nav: zh("nav.agency.home") },
};

export const isPhone = (testInfo: TestInfo) => testInfo.project.name === "phone";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  if (!/\/login/.test(page.url())) await page.goto("/login");
  await page.getByLabel(zh("auth.username")).fill(username);
  await page.getByLabel(zh("auth.password")).fill(password);
  await page.getByRole("button", { name: zh("auth.submit"), exact: true }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: zh("auth.logout"), exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** A full-page screenshot kept under test-results/screenshots/<project>/<name>.png. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = path.join("test-results", "screenshots", testInfo.project.name, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/**
 * Moves focus off the autofocused field and waits a frame. Leaving an empty field shows its
 * validation message, which shifts the layout; a click aimed before the shift can miss.
 */
export async function settleFocus(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
