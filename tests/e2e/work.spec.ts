import { expect, test } from "@playwright/test";
import { DEMO, isPhone, signIn, zh } from "./support";

// A prosecutor's home ("my work") and the case list's due-date filters, on the demo data seeded
// for today: 2026-行公-004's reply is overdue, 2026-行公-006's is due within days.

test("a prosecutor lands on my work: overdue and due-soon items, requests, and the badge in the navigation", async ({ page }, testInfo) => {
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await expect(page.getByRole("heading", { level: 1, name: zh("work.title") })).toBeVisible();

  const overdue = page.getByRole("region", { name: zh("work.overdue") });
  await expect(overdue.getByRole("link", { name: "2026-行公-004" })).toBeVisible();
  await expect(page.getByRole("region", { name: zh("work.dueSoon") }).getByRole("link", { name: "2026-行公-006" })).toBeVisible();
  await expect(page.getByRole("region", { name: zh("work.awaiting") }).getByRole("link").first()).toBeVisible();

  // The overdue count in the navigation, read out with what it counts.
  if (isPhone(testInfo)) await page.getByText(zh("nav.menu"), { exact: true }).click();
  const badge = page.locator(isPhone(testInfo) ? ".mobile-nav-menu .nav-count" : ".sidebar .nav-count");
  await expect(badge).toHaveText("1");
  await expect(badge).toHaveAttribute("aria-label", zh("nav.work.overdue").replace("{n}", "1"));
});

test("the case list filters by due date and sorts by the next due date, kept in the URL", async ({ page }) => {
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/cases");
  const filters = page.getByRole("search", { name: zh("cases.filter.label") });
  await filters.getByLabel(zh("cases.filter.due"), { exact: true }).selectOption("overdue");
  await filters.getByLabel(zh("cases.filter.sort")).selectOption("due");
  await filters.getByRole("button", { name: zh("common.filter") }).click();
  await expect(page).toHaveURL(/due=overdue/);
  await expect(page).toHaveURL(/sort=due/);
  const rows = page.locator("table.case-table tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("2026-行公-004");

  // Due within 30 days, soonest first: the overdue one is not "due soon".
  await filters.getByLabel(zh("cases.filter.due"), { exact: true }).selectOption("soon");
  await filters.getByLabel(zh("cases.filter.within")).fill("30");
  await filters.getByRole("button", { name: zh("common.filter") }).click();
  await expect(page).toHaveURL(/within=30/);
  await expect(page.locator("table.case-table tbody tr").first()).toContainText("2026-行公-007");
  await expect(page.locator("table.case-table")).not.toContainText("2026-行公-004");

  // A nonsense value in the URL is ignored, not an error.
  const response = await page.goto("/cases?due=tomorrow&within=-5&sort=whatever");
  expect(response?.status()).toBe(200);
  await expect(page.locator("table.case-table tbody tr").first()).toBeVisible();
});
