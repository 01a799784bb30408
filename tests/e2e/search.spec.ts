import { expect, test } from "@playwright/test";
import type { zhCN } from "~/i18n/zh-CN";
import { DEMO, isPhone, signIn, zh } from "./support";

// Full-text search on the demo data (the 桂阳 mask series): a two-character term finds cases and
// evidence; an evidence hit names its case and opens it at the item; a term with no hits says so;
// the case list's search ranks by relevance; a portal user cannot reach /search.

const fill = (key: keyof typeof zhCN, vars: Record<string, string | number>) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), zh(key));

test("a prosecutor searches 口罩 and opens an evidence item in its case", async ({ page }, testInfo) => {
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  if (isPhone(testInfo)) await page.getByText(zh("nav.menu"), { exact: true }).click();
  await page.getByRole("link", { name: zh("nav.search"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh("search.title") })).toBeVisible();
  await expect(page.getByText(zh("search.empty"))).toBeVisible();

  const form = page.getByRole("search", { name: zh("search.title") });
  await form.getByLabel(zh("search.q")).fill("口罩");
  await form.getByRole("button", { name: zh("search.submit") }).click();
  await expect(page).toHaveURL(/q=%E5%8F%A3%E7%BD%A9/);

  const cases = page.getByRole("region", { name: /^案件（\d+）$/ });
  await expect(cases.getByRole("link").first()).toBeVisible();
  const evidence = page.getByRole("region", { name: /^证据（\d+）$/ });
  await expect(evidence.locator("tbody tr").first()).toContainText("口罩");

  // All evidence hits, then one of them: it opens on its case's evidence page, at the item.
  await evidence.getByRole("link", { name: fill("search.showAll", { kind: zh("search.kind.evidence") }) }).click();
  await expect(page).toHaveURL(/kind=evidence/);
  const first = page.getByRole("region", { name: /^证据（\d+）$/ }).locator("tbody tr").first();
  const caseLink = first.getByRole("link").last();
  const caseText = (await caseLink.textContent()) ?? "";
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+\/evidence#evidence-/);
  const targeted = page.locator('tr.row-highlight[aria-current="true"]');
  await expect(targeted).toContainText("口罩");
  expect(caseText).toMatch(/\d{4}-行公-\d{3}/);
  await expect(page.getByText(caseText.match(/\d{4}-行公-\d{3}/)![0]).first()).toBeVisible();
});

test("a term with no hits says so, and the case list ranks its search by relevance", async ({ page }) => {
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/search?q=不存在的检索词");
  await expect(page.getByText(fill("search.noHits", { q: "不存在的检索词" }))).toBeVisible();

  await page.goto("/cases");
  const filters = page.getByRole("search", { name: zh("cases.filter.label") });
  await filters.getByLabel(zh("cases.filter.q")).fill("口罩");
  await filters.getByRole("button", { name: zh("common.filter") }).click();
  await expect(page).toHaveURL(/q=/);
  const rows = page.locator("table.case-table tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page.locator("table.case-table")).toContainText("2022-行公-001");
  await expect(page.locator("table.case-table")).not.toContainText("2026-行公-004"); // a case with no 口罩
  // The default order of a search is relevance.
  await expect(filters.getByLabel(zh("cases.filter.sort"))).toHaveValue("");
  await expect(filters.getByLabel(zh("cases.filter.sort")).locator("option:checked")).toHaveText(zh("cases.sort.default"));

  // A single character is read from recent records only, and the page says so.
  await page.goto("/cases?q=罩");
  await expect(page.getByText(fill("search.singleChar", { cap: "2000" }))).toBeVisible();
});

test("an agency liaison cannot reach /search", async ({ page }) => {
  await signIn(page, DEMO.agency.username);
  await expect(page).toHaveURL(/\/agency/);
  const response = await page.goto("/search?q=口罩");
  expect(response?.status()).toBe(403);
});
