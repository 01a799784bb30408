import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO, isPhone, signIn, zh } from "#tests/e2e/support";

// The hearing day (听证规定 Arts 14–15): the host opens a notified hearing with a seated panel,
// records each stage's minutes and the attendance, closes deliberation at the opinions stage (the
// conclusion is not offered before), concludes; the record shows the stages; the calendar's week
// view shows the hearing.

const DB = path.join(path.resolve("tests/.tmp/e2e"), "procura.db");
const STAGES = [
  "attendance",
  "presentation",
  "statements",
  "questions",
  "deliberation",
  "opinions",
  "final_statements",
  "summary",
] as const;
type Stage = (typeof STAGES)[number];
const stageLabel = (s: Stage) => zh(`hearingStage.${s}`);
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? "");

/** A notified hearing of the demo prosecutor's procuratorate that they host, with two seated panelists and an agency representative. */
function seedHearing(startsAt: Date) {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const tag = randomUUID().slice(0, 8);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const title = `浏览器听证日测试 ${tag}`;
  const ids = { hearing: `e2ehearing${tag}`, panelists: [`e2epanA${tag}`, `e2epanB${tag}`], participant: `e2epart${tag}` };
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      const kase = db
        .prepare(`SELECT "id" FROM "Case" WHERE "procuratorateId" = ? AND "leadProsecutorId" = ? ORDER BY "createdAt" LIMIT 1`)
        .get(user.procuratorateId, user.id) as { id: string };
      db.prepare(
        `INSERT INTO "Hearing" ("id", "procuratorateId", "title", "venue", "isPublic", "startsAt", "hostId", "status", "createdAt", "updatedAt")
         VALUES (?, ?, ?, '本院检察听证室', 1, ?, ?, 'notified', ?, ?)`,
      ).run(ids.hearing, user.procuratorateId, title, startsAt.toISOString().replace("Z", "+00:00"), user.id, now, now);
      db.prepare(`INSERT INTO "HearingCase" ("hearingId", "caseId", "ordinal", "proposedHandling") VALUES (?, ?, 1, 'recommend')`).run(ids.hearing, kase.id);
      ["冯听证", "陈听证"].forEach((name, i) => {
        db.prepare(
          `INSERT INTO "Panelist" ("id", "procuratorateId", "name", "category", "birthOn", "barred", "active", "createdAt", "updatedAt")
           VALUES (?, ?, ?, 'expert', '1975-05-05', 0, 1, ?, ?)`,
        ).run(ids.panelists[i], user.procuratorateId, `${name}${tag.slice(0, 3)}`, now, now);
        db.prepare(
          `INSERT INTO "HearingPanelist" ("hearingId", "panelistId", "invitedAt", "declaredAt", "recused", "notifiedAt", "noticeMethod") VALUES (?, ?, ?, ?, 0, ?, 'phone')`,
        ).run(ids.hearing, ids.panelists[i], now, now, now);
      });
      db.prepare(
        `INSERT INTO "HearingParticipant" ("id", "hearingId", "kind", "organisation", "name", "post", "notifiedAt", "noticeMethod") VALUES (?, ?, 'agency_representative', '县市场监督管理局', '褚代表', '副局长', ?, 'phone')`,
      ).run(ids.participant, ids.hearing, now);
    }).immediate();
  } finally {
    db.close();
  }
  return { id: ids.hearing, title, panelistNames: [`冯听证${tag.slice(0, 3)}`, `陈听证${tag.slice(0, 3)}`] };
}

async function advanceTo(page: Page, to: Stage) {
  await page.getByRole("button", { name: fill(zh("hearingDay.advance"), { stage: stageLabel(to) }) }).click();
  await expect(page.getByRole("status")).toHaveText(fill(zh("hearingDay.advanced"), { stage: stageLabel(to) }));
}

async function saveMinutes(page: Page, stage: Stage, text: string) {
  const label = fill(zh("hearingDay.minutesOf"), { stage: stageLabel(stage) });
  const box = page.getByLabel(label);
  await box.fill(text);
  await box.locator("xpath=ancestor::form").getByRole("button", { name: zh("hearingDay.saveMinutes") }).click();
  await expect(page.getByRole("status")).toHaveText(fill(zh("hearingDay.minutesSaved"), { stage: stageLabel(stage) }));
}

test("the host runs a hearing day: stages, minutes, attendance, deliberation closed, concluded; record and calendar", async ({ page }, testInfo) => {
  test.skip(isPhone(testInfo), "one run is enough: the journey writes to the shared e2e database");
  test.setTimeout(120_000);
  const startsAt = new Date(Date.now() + 2 * 60 * 60 * 1000);
  const hearing = seedHearing(startsAt);

  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/hearings/${hearing.id}`);
  await page.getByRole("link", { name: zh("hearings.tab.day"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/hearings/${hearing.id}/day$`));
  await expect(page.getByText(zh("hearingDay.notOpened"))).toBeVisible();

  // Open: the first stage starts.
  await page.getByRole("button", { name: zh("hearingDay.open") }).click();
  await expect(page.getByRole("status")).toHaveText(fill(zh("hearingDay.opened"), { stage: stageLabel("attendance") }));
  await saveMinutes(page, "attendance", "核实到场情况：听证员二人、行政机关代表一人到场。宣布听证纪律。");

  // Attendance: one panelist present, the other absent, the agency's representative present.
  const attendance = page.getByRole("form", { name: zh("hearingDay.attendance") });
  await attendance.getByLabel(hearing.panelistNames[0]!).check();
  await attendance.getByLabel("褚代表").check();
  await attendance.getByRole("button", { name: zh("hearingDay.saveAttendance") }).click();
  await expect(page.getByRole("status")).toHaveText(zh("hearingDay.attendanceSaved"));
  await expect(page.getByRole("form", { name: zh("hearingDay.attendance") }).getByLabel(hearing.panelistNames[0]!)).toBeChecked();
  await expect(page.getByRole("form", { name: zh("hearingDay.attendance") }).getByLabel(hearing.panelistNames[1]!)).not.toBeChecked();

  await advanceTo(page, "presentation");
  await saveMinutes(page, "presentation", "承办检察官介绍案件事实、争议焦点和证据。");
  await advanceTo(page, "statements");
  await advanceTo(page, "questions");
  await advanceTo(page, "deliberation");
  await advanceTo(page, "opinions");

  // The refusal: before deliberation is closed neither the final statements nor the conclusion is offered.
  await expect(page.getByText(zh("hearingDay.needsClosedDeliberation"))).toBeVisible();
  await expect(page.getByRole("button", { name: zh("hearingDay.conclude") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: fill(zh("hearingDay.advance"), { stage: stageLabel("final_statements") }) })).toHaveCount(0);

  await page.getByRole("button", { name: zh("hearingDay.closeDeliberation") }).click();
  await expect(page.getByRole("status")).toHaveText(zh("hearingDay.deliberationClosedOk"));
  await advanceTo(page, "final_statements");
  await saveMinutes(page, "final_statements", "市场监督管理局表示将按检察建议继续整改。");
  await advanceTo(page, "summary");

  await page.getByLabel(zh("hearingDay.deliberationSummary"), { exact: true }).fill("听证员多数同意制发检察建议。");
  await page.getByLabel(zh("hearingDay.hostSummary"), { exact: true }).fill("本次听证程序合法，听证到此结束。");
  await page.getByRole("button", { name: zh("hearingDay.conclude") }).click();
  await expect(page.getByRole("status")).toHaveText(zh("hearingDay.concludedOk"));
  await expect(page.getByRole("button", { name: zh("hearingDay.saveMinutes") })).toHaveCount(0);

  // The record: every stage in order with its minutes, the summaries and the signature lines.
  await page.getByRole("link", { name: zh("hearings.tab.record"), exact: true }).click();
  const record = page.getByRole("article", { name: zh("hearingRecord.title") });
  for (const [i, s] of STAGES.entries()) await expect(record.getByRole("heading", { name: `${i + 1}. ${stageLabel(s)}` })).toBeVisible();
  await expect(record).toContainText("承办检察官介绍案件事实、争议焦点和证据。");
  await expect(record).toContainText("市场监督管理局表示将按检察建议继续整改。");
  await expect(record).toContainText("本次听证程序合法，听证到此结束。");
  await expect(record.getByRole("heading", { name: zh("hearingRecord.signatures") })).toBeVisible();
  await expect(record).toContainText(`${zh("hearingRecord.sign.participant")}：褚代表`);
  await expect(record).not.toContainText(`${zh("hearingRecord.sign.panelist")}：${hearing.panelistNames[1]}`);

  // The calendar's week view shows the hearing and links to it.
  await page.getByRole("link", { name: zh("nav.calendar"), exact: true }).first().click();
  await expect(page).toHaveURL(/\/calendar$/);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(startsAt);
  await page.goto(`/calendar?view=month&date=${day}`);
  await page.getByRole("link", { name: zh("calendar.view.week"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`view=week&date=${day}`));
  await page.getByRole("link", { name: new RegExp(hearing.title) }).click();
  await expect(page).toHaveURL(new RegExp(`/hearings/${hearing.id}$`));
});

test("a panelist creates a private calendar feed, a calendar app fetches it without a session, renewing revokes the old URL", async ({ page, playwright }, testInfo) => {
  test.skip(isPhone(testInfo), "one run is enough: renewing changes the demo panelist's feed");
  await signIn(page, DEMO.panelist.username);
  await expect(page).toHaveURL(/\/panel$/);
  await page.getByRole("link", { name: zh("nav.panel.calendar"), exact: true }).first().click();
  await expect(page).toHaveURL(/\/panel\/calendar$/);
  const button = page.getByRole("button", { name: new RegExp(`^(${zh("calendar.feed.create")}|${zh("calendar.feed.renew")})$`) });
  await button.click();
  await expect(page.getByRole("status")).toContainText(zh("calendar.feed.created"));
  const first = await page.getByLabel(zh("calendar.feed.url")).inputValue();
  expect(first).toMatch(/\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);

  // A calendar app: no cookies at all.
  const app = await playwright.request.newContext();
  const res = await app.get(first);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(res.headers()["cache-control"]).toBe("private, no-store");
  const ics = await res.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("/panel/hearings/");

  // Renewing: a new URL, shown once; the old one answers 404 like an unknown one.
  await page.getByRole("button", { name: zh("calendar.feed.renew") }).click();
  await expect(page.getByLabel(zh("calendar.feed.url"))).not.toHaveValue(first);
  const second = await page.getByLabel(zh("calendar.feed.url")).inputValue();
  expect((await app.get(first)).status()).toBe(404);
  expect((await app.get(second)).status()).toBe(200);
  expect((await app.get(first.replace(/[^/]+\.ics$/, `${"x".repeat(43)}.ics`))).status()).toBe(404);
  await app.dispose();
  await page.reload();
  await expect(page.getByLabel(zh("calendar.feed.url"))).toHaveCount(0);
});
