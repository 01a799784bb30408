import path from "node:path";
import Database from "better-sqlite3";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { signIn, zh } from "./support";

// The agency portal's home, paged in the browser: an agency of a procuratorate of its own with 22
// open recommendations (their stored reply deadlines written like the scale seed writes them; the
// trigger fills in whose clock each is), 3 answered ones, 12 other documents and 6 hearings, all
// written straight into the e2e server's database so the demo data other tests read is untouched.
// Another agency of the same procuratorate has a recommendation that must never show.

const DB = path.resolve("tests/.tmp/e2e/procura.db");
const OPEN = 22;
const ANSWERED = 3;

// Days counted from today in Shanghai, as the app counts them (a UTC date is yesterday there after 16:00 UTC).
const isoDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const instant = (d: Date) => d.toISOString().replace("Z", "+00:00");

function seedAgency(testInfo: TestInfo) {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
  const pid = `e2eagency${tag}`;
  const now = instant(new Date());
  const hash = (db.prepare(`SELECT "passwordHash" AS h FROM "User" WHERE "username" = 'agency'`).get() as { h: string }).h;
  const username = `liaison-${tag}`;
  const agency = `${pid}a`;
  const other = `${pid}b`;
  const lead = `${pid}u1`;
  db.transaction(() => {
    db.prepare(`INSERT INTO "Procuratorate" ("id", "name", "shortName", "createdAt", "updatedAt") VALUES (?, ?, '机', ?, ?)`).run(
      pid,
      `机关分页测试县人民检察院 ${tag}`,
      now,
      now
    );
    const addAgency = db.prepare(
      `INSERT INTO "Agency" ("id", "procuratorateId", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?)`
    );
    addAgency.run(agency, pid, `机关分页测试县生态环境局 ${tag}`, now, now);
    addAgency.run(other, pid, `机关分页测试县水利局 ${tag}`, now, now);
    const addUser = db.prepare(
      `INSERT INTO "User" ("id", "procuratorateId", "username", "displayName", "role", "passwordHash", "agencyId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    addUser.run(lead, pid, `lead-${tag}`, "分页检察官", "prosecutor", hash, null, now, now);
    addUser.run(`${pid}u2`, pid, username, "分页联络人", "agency", hash, agency, now, now);
    const addCase = db.prepare(
      `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "respondentAgencyId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'ecology', 'rectification', ?, ?, ?, ?)`
    );
    const addRec = db.prepare(
      `INSERT INTO "Recommendation" ("id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "replyPeriod", "createdById", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'served', '事实', '理由', '依据', 'two_months', ?, ?, ?)`
    );
    const addService = db.prepare(
      `INSERT INTO "Service" ("id", "caseId", "documentKind", "documentNumber", "recommendationId", "agencyId", "recipient", "method", "servedOn", "serverName", "createdById", "createdAt")
       VALUES (?, ?, ?, ?, ?, ?, '收件人', 'direct', ?, '送达人', ?, ?)`
    );
    const addDeadline = db.prepare(
      `INSERT INTO "Deadline" ("id", "procuratorateId", "key", "kind", "ruleId", "party", "triggerOn", "dueOn", "periodEndOn", "steps", "basis", "extended", "recommendationId", "computedAt")
       VALUES (?, ?, ?, 'agency_reply', 'agency_reply', 'agency', ?, ?, ?, '[]', '两高解释 Art 21', 0, ?, ?)`
    );
    const addReply = db.prepare(
      `INSERT INTO "Reply" ("id", "recommendationId", "agencyId", "summary", "status", "submittedAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, '整改回复', 'submitted', ?, ?, ?)`
    );
    const recommendation = (i: number, agencyId: string, servedOn: string) => {
      const id = `${pid}r${i}`;
      addCase.run(`${pid}c${i}`, pid, `机-${i}`, `机关分页测试案件 ${i}`, lead, agencyId, now, now);
      addRec.run(id, `${pid}c${i}`, pid, `机关-E2E-${String(i).padStart(3, "0")}`, lead, now, now);
      addService.run(`${pid}s${i}`, `${pid}c${i}`, "recommendation", null, id, agencyId, servedOn, lead, now);
      return id;
    };
    // Open: recommendation i falls due i - 5 days from today (four overdue, eight due within 7 days).
    for (let i = 1; i <= OPEN; i++) {
      const id = recommendation(i, agency, isoDay(i - 65));
      addDeadline.run(`${pid}d${i}`, pid, `agency_reply:${id}`, isoDay(i - 65), isoDay(i - 5), isoDay(i - 5), id, now);
    }
    // Answered: served earlier and replied to; the latest served comes first.
    for (let j = 1; j <= ANSWERED; j++) {
      const i = OPEN + j;
      const id = recommendation(i, agency, isoDay(-100 - j));
      addReply.run(`${pid}p${i}`, id, agency, now, now, now);
    }
    // Another agency's open recommendation: never on my pages.
    const theirs = recommendation(99, other, isoDay(-60));
    addDeadline.run(`${pid}d99`, pid, `agency_reply:${theirs}`, isoDay(-60), isoDay(0), isoDay(0), theirs, now);
    for (let k = 1; k <= 12; k++) {
      addService.run(
        `${pid}f${k}`,
        `${pid}c1`,
        "filing_decision",
        `机检行公立〔2026〕${k}号`,
        null,
        agency,
        isoDay(-k),
        lead,
        now
      );
    }
    const addHearing = db.prepare(
      `INSERT INTO "Hearing" ("id", "procuratorateId", "title", "isPublic", "venue", "startsAt", "hostId", "status", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 0, '听证室', ?, ?, 'concluded', ?, ?)`
    );
    const addParticipant = db.prepare(
      `INSERT INTO "HearingParticipant" ("id", "hearingId", "kind", "agencyId", "organisation", "name") VALUES (?, ?, 'agency_representative', ?, '本局', '分页代表')`
    );
    for (let k = 1; k <= 6; k++) {
      addHearing.run(`${pid}h${k}`, pid, `机关分页测试听证 ${k}`, instant(new Date(Date.now() - k * 86_400_000)), lead, now, now);
      addParticipant.run(`${pid}hp${k}`, `${pid}h${k}`, agency);
    }
  }).immediate();
  db.close();
  return { username, theirs: `${pid}r99` };
}

const rows = (page: Page) => page.locator("table.agency-recommendations tbody tr");
const pager = (page: Page) => page.getByRole("navigation", { name: zh("pager.label") });
const stat = (page: Page, key: Parameters<typeof zh>[0]) =>
  page
    .locator(".portal-stats .stat")
    .filter({ has: page.getByText(zh(key), { exact: true }) })
    .locator(".stat-value");

test("an agency liaison pages the served recommendations, most urgent first, and opens the full document and hearing lists", async ({
  page,
}, testInfo) => {
  const { username, theirs } = seedAgency(testInfo);
  await signIn(page, username);
  await expect(page).toHaveURL(/\/agency$/);

  await expect(stat(page, "portal.agency.stat.awaiting")).toHaveText(String(OPEN));
  await expect(stat(page, "portal.agency.stat.overdue")).toHaveText("4");
  await expect(stat(page, "portal.agency.stat.dueSoon")).toHaveText("8");
  await expect(stat(page, "agencyHome.stat.replied")).toHaveText(String(ANSWERED));

  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("机关-E2E-001");
  await expect(rows(page).nth(19)).toContainText("机关-E2E-020");
  await expect(pager(page)).toContainText(zh("pager.total").replace("{count}", "25"));
  await expect(pager(page).getByRole("link", { name: zh("pager.prev") })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("机关-E2E-099");

  await pager(page)
    .getByRole("link", { name: zh("pager.next") })
    .click();
  await expect(page).toHaveURL(/after=/);
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).first()).toContainText("机关-E2E-021");
  await expect(rows(page).nth(2)).toContainText("机关-E2E-023");
  await expect(rows(page).nth(2)).toContainText(zh("portal.days.replied"));
  await expect(rows(page).last()).toContainText("机关-E2E-025");
  await expect(pager(page).getByRole("link", { name: zh("pager.next") })).toHaveCount(0);
  await expect(page.locator("main")).not.toContainText("机关-E2E-099");

  await pager(page)
    .getByRole("link", { name: zh("pager.prev") })
    .click();
  await expect(page).toHaveURL(/before=/);
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("机关-E2E-001");

  // An edited or stale cursor is not an error: the first page.
  const response = await page.goto("/agency?after=not-a-cursor");
  expect(response?.status()).toBe(200);
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toContainText("机关-E2E-001");

  // The latest ten documents, and the whole list a page away.
  await expect(page.locator("table.agency-documents tbody tr")).toHaveCount(10);
  await page.getByRole("link", { name: zh("agencyHome.allDocuments") }).click();
  await expect(page).toHaveURL(/\/agency\/documents$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh("agencyHome.documents.title"));
  await expect(page.locator("table.agency-documents tbody tr")).toHaveCount(12);
  await expect(pager(page)).toContainText(zh("pager.total").replace("{count}", "12"));

  await page.goto("/agency");
  await expect(page.locator("table.agency-hearings tbody tr")).toHaveCount(5);
  await page.getByRole("link", { name: zh("agencyHome.allHearings") }).click();
  await expect(page).toHaveURL(/\/agency\/hearings$/);
  await expect(page.locator("table.agency-hearings tbody tr")).toHaveCount(6);
  await expect(page.locator("table.agency-hearings tbody tr").first()).toContainText("机关分页测试听证 1");

  // The other agency's recommendation is not found from here either.
  const other = await page.goto(`/agency/recommendations/${theirs}`);
  expect(other?.status()).toBe(404);
});
