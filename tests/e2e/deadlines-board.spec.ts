import path from "node:path";
import Database from "better-sqlite3";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { signIn, zh } from "./support";

// The paged deadline board (/deadlines) in the browser: a prosecutor pages forward and back through
// 110 stored deadlines (60 of them due on one day, so a page boundary falls inside equal due dates)
// and filters them; a page link that is not ours answers 400 with a message and the first page.
//
// The rows are written straight into the e2e server's database, for a procuratorate of their own,
// so the demo data other tests read is untouched. The board only reads stored rows (Deadline,
// DeadlineCase), which is what the lifecycle writes.

const DB = path.resolve("tests/.tmp/e2e/procura.db");
const instant = () => new Date().toISOString().replace("Z", "+00:00");
/** A calendar day in Asia/Shanghai, `offset` days from today (the server's "today"). */
const shanghaiDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A procuratorate with one prosecutor (the demo password) and `groups` of filed cases with one deadline each. */
function seedBoard(testInfo: TestInfo, groups: { dueIn: number; n: number; mine: boolean }[]) {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
  const pid = `e2eboardp${tag}`;
  const now = instant();
  const hash = (db.prepare(`SELECT "passwordHash" AS h FROM "User" WHERE "username" = 'prosecutor'`).get() as { h: string }).h;
  const username = `board-${tag}`;
  db.transaction(() => {
    db.prepare(`INSERT INTO "Procuratorate" ("id", "name", "shortName", "createdAt", "updatedAt") VALUES (?, ?, '板', ?, ?)`).run(
      pid,
      `看板测试县人民检察院 ${tag}`,
      now,
      now
    );
    const addUser = db.prepare(
      `INSERT INTO "User" ("id", "procuratorateId", "username", "displayName", "role", "passwordHash", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'prosecutor', ?, ?, ?)`
    );
    addUser.run(`${pid}u1`, pid, username, "看板检察官", hash, now, now);
    addUser.run(`${pid}u2`, pid, `${username}-2`, "同事检察官", hash, now, now);
    const addCase = db.prepare(
      `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "filedOn", "createdAt", "updatedAt", "nextDueOn")
       VALUES (?, ?, ?, ?, 'ecology', 'filed', ?, ?, ?, ?, ?)`
    );
    const addDeadline = db.prepare(
      `INSERT INTO "Deadline" ("id", "procuratorateId", "key", "kind", "ruleId", "party", "triggerOn", "dueOn", "periodEndOn", "steps", "basis", "extended", "computedAt")
       VALUES (?, ?, ?, 'filing_decision_service', 'filing_decision_service', 'procuratorate', ?, ?, ?, ?, '规则 Art 70', 0, ?)`
    );
    const addLink = db.prepare(`INSERT INTO "DeadlineCase" ("deadlineId", "caseId", "ordinal") VALUES (?, ?, 0)`);
    let i = 0;
    for (const g of groups) {
      const dueOn = shanghaiDay(g.dueIn);
      const triggerOn = shanghaiDay(g.dueIn - 7);
      for (let k = 0; k < g.n; k++, i++) {
        const caseId = `${pid}c${String(i).padStart(4, "0")}`;
        const number = `板-E2E-${String(i + 1).padStart(3, "0")}`;
        addCase.run(caseId, pid, number, `看板测试案件 ${i + 1}`, g.mine ? `${pid}u1` : `${pid}u2`, triggerOn, now, now, dueOn);
        const steps = JSON.stringify([{ key: "deadlines.step.due", vars: { date: dueOn } }]);
        addDeadline.run(`${pid}d${String(i).padStart(4, "0")}`, pid, `filing_decision_service:${caseId}`, triggerOn, dueOn, dueOn, steps, now);
        addLink.run(`${pid}d${String(i).padStart(4, "0")}`, caseId);
      }
    }
  }).immediate();
  db.close();
  return { username };
}

const rows = (page: Page) => page.locator("table.deadline-table tbody tr");
const pager = (page: Page) => page.getByRole("navigation", { name: zh("board.page.label") });

test("a prosecutor pages the deadline board forward and back and filters it, all in the URL", async ({ page }, testInfo) => {
  const { username } = seedBoard(testInfo, [
    { dueIn: -5, n: 60, mine: true }, // overdue, all due the same day
    { dueIn: 2, n: 30, mine: false }, // due soon
    { dueIn: 20, n: 20, mine: true },
  ]);
  await signIn(page, username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/deadlines");
  await expect(page.getByRole("heading", { level: 1, name: zh("deadlines.title") })).toBeVisible();
  await expect(page.locator(".deadline-stats .stat").first()).toContainText("110");

  // Forward: 50, 50, 10; the first boundary falls inside the 60 equal due dates.
  await expect(rows(page)).toHaveCount(50);
  const firstOfPage1 = (await rows(page).first().textContent()) ?? "";
  await pager(page).getByRole("link", { name: zh("board.page.next") }).click();
  await expect(page).toHaveURL(/after=/);
  // Both pages hold 50 rows: wait for the rows themselves to change, not only the URL.
  await expect(rows(page).first()).not.toHaveText(firstOfPage1);
  await expect(rows(page)).toHaveCount(50);
  const firstOfPage2 = (await rows(page).first().textContent()) ?? "";
  await pager(page).getByRole("link", { name: zh("board.page.next") }).click();
  await expect(rows(page)).toHaveCount(10);
  await expect(pager(page).getByRole("link", { name: zh("board.page.next") })).toHaveCount(0);

  // Back: the same second page, then the first, which has no previous page.
  await pager(page).getByRole("link", { name: zh("board.page.prev") }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toHaveText(firstOfPage2);
  await pager(page).getByRole("link", { name: zh("board.page.prev") }).click();
  await expect(rows(page).first()).toHaveText(firstOfPage1);
  await expect(pager(page).getByRole("link", { name: zh("board.page.prev") })).toHaveCount(0);

  // Filter: overdue only (60: a full page and 10), kept in the URL while paging.
  const filters = page.getByRole("form", { name: zh("common.filter") });
  await filters.getByLabel(zh("deadlines.filter.status")).selectOption("overdue");
  await filters.getByRole("button", { name: zh("deadlines.filter.apply") }).click();
  await expect(page).toHaveURL(/status=overdue/);
  await expect(rows(page)).toHaveCount(50);
  await pager(page).getByRole("link", { name: zh("board.page.next") }).click();
  await expect(page).toHaveURL(/status=overdue.*after=|after=.*status=overdue/);
  await expect(rows(page)).toHaveCount(10);

  // My cases only, due within 30 days: the 20 I lead (the colleague's 30 drop out).
  await pager(page).getByRole("link", { name: zh("board.page.first") }).click();
  await expect(page).not.toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(50);
  await filters.getByLabel(zh("board.filter.scope")).selectOption("mine");
  await filters.getByLabel(zh("deadlines.filter.status")).selectOption("within");
  await filters.getByLabel(zh("board.filter.days")).fill("30");
  await filters.getByRole("button", { name: zh("deadlines.filter.apply") }).click();
  await expect(page).toHaveURL(/scope=mine/);
  await expect(page).toHaveURL(/days=30/);
  await expect(rows(page)).toHaveCount(20);
  await expect(pager(page)).toHaveCount(0);
});

test("a page link that is not ours, or a filter we do not know, answers 400 with a message and the first page", async ({ page }, testInfo) => {
  const { username } = seedBoard(testInfo, [{ dueIn: 3, n: 5, mine: true }]);
  await signIn(page, username);
  await expect(page).toHaveURL(/\/work$/);

  const bad = await page.goto("/deadlines?after=not-a-cursor");
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(zh("board.badCursor"));
  await expect(rows(page)).toHaveCount(5);

  const unknown = await page.goto("/deadlines?status=someday");
  expect(unknown?.status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText(zh("board.badFilter"));
  await expect(rows(page)).toHaveCount(5);

  // Nothing matches: the empty state, not an error.
  const empty = await page.goto("/deadlines?status=paused");
  expect(empty?.status()).toBe(200);
  await expect(page.getByText(zh("deadlines.empty"))).toBeVisible();
});
