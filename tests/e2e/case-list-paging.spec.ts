import path from "node:path";
import Database from "better-sqlite3";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { signIn, zh } from "./support";

// The case list's keyset pages in the browser: 25 cases of a procuratorate of their own (written
// straight into the e2e server's database, so the demo data other tests read is untouched; the
// inserts go through the search and counter triggers like any write). A prosecutor pages forward
// and back, searches them, and a page link that is not ours opens the first page.

const DB = path.resolve("tests/.tmp/e2e/procura.db");

function seedCases(testInfo: TestInfo, n: number) {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
  const pid = `e2elistp${tag}`;
  const now = new Date().toISOString().replace("Z", "+00:00");
  const hash = (db.prepare(`SELECT "passwordHash" AS h FROM "User" WHERE "username" = 'prosecutor'`).get() as { h: string }).h;
  const username = `list-${tag}`;
  db.transaction(() => {
    db.prepare(`INSERT INTO "Procuratorate" ("id", "name", "shortName", "createdAt", "updatedAt") VALUES (?, ?, '页', ?, ?)`).run(
      pid,
      `分页测试县人民检察院 ${tag}`,
      now,
      now
    );
    db.prepare(
      `INSERT INTO "User" ("id", "procuratorateId", "username", "displayName", "role", "passwordHash", "createdAt", "updatedAt")
       VALUES (?, ?, ?, '分页检察官', 'prosecutor', ?, ?, ?)`
    ).run(`${pid}u1`, pid, username, hash, now, now);
    const addCase = db.prepare(
      `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'ecology', 'investigating', ?, ?, ?)`
    );
    for (let i = 1; i <= n; i++) {
      // One minute apart: case n is the most recently updated.
      const at = new Date(Date.UTC(2026, 9, 1, 8, i)).toISOString().replace("Z", "+00:00");
      addCase.run(`${pid}c${i}`, pid, `页-E2E-${String(i).padStart(3, "0")}`, `分页测试河道垃圾案 ${i}`, `${pid}u1`, at, at);
    }
  }).immediate();
  db.close();
  return { username };
}

const rows = (page: Page) => page.locator("table.case-table tbody tr");
const pager = (page: Page) => page.getByRole("navigation", { name: zh("pager.label") });

test("a prosecutor pages the case list forward and back, and a stale page link opens the first page", async ({ page }, testInfo) => {
  const { username } = seedCases(testInfo, 25);
  await signIn(page, username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/cases");
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("页-E2E-025");
  await expect(pager(page)).toContainText(zh("pager.total").replace("{count}", "25"));
  await expect(pager(page).getByRole("link", { name: zh("pager.prev") })).toHaveCount(0);

  await pager(page).getByRole("link", { name: zh("pager.next") }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).first()).toContainText("页-E2E-005");
  await expect(rows(page).last()).toContainText("页-E2E-001");
  await expect(pager(page).getByRole("link", { name: zh("pager.next") })).toHaveCount(0);

  await pager(page).getByRole("link", { name: zh("pager.prev") }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("页-E2E-025");
  await expect(rows(page).last()).toContainText("页-E2E-006");

  // A two-character term finds the new cases (the triggers indexed them as they were written).
  const filters = page.getByRole("search", { name: zh("cases.filter.label") });
  await filters.getByLabel(zh("cases.filter.q")).fill("垃圾");
  await filters.getByRole("button", { name: zh("common.filter") }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(rows(page)).toHaveCount(20);
  await expect(page.locator("table.case-table")).toContainText("分页测试河道垃圾案");

  // An edited or stale cursor is not an error: the first page.
  const response = await page.goto("/cases?after=not-a-cursor");
  expect(response?.status()).toBe(200);
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("页-E2E-025");
});
