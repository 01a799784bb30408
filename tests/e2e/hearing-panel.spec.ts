import path from "node:path";
import { expect, test } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO, DEMO_PASSWORD, signIn, zh } from "#tests/e2e/support";

// The panel (issue 9): the prosecutor seats five panelists from the pool and sees one blocked for a
// conflict with the respondent agency; two panelists sign the no-conflict declaration and give
// opinions in their portal, neither seeing the other's; once the host has closed deliberation a
// changed opinion is refused. Records are written straight into the e2e server's database.

const DB = path.join(path.resolve("tests/.tmp/e2e"), "procura.db");
const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const now = () => new Date().toISOString().replace("Z", "+00:00");

type Setup = {
  seatHearingId: string;
  portalHearingId: string;
  caseId: string;
  agencyName: string;
  pool: { name: string; category: string }[];
  conflicted: string;
  second: { username: string; name: string };
  issues: string;
};

let setUps = 0;

function setUp(): Setup {
  // Every call its own ids: both tests (and a retry) set up in the same worker.
  const run = `${tag}${++setUps}`;
  const db = new Database(DB);
  try {
    const gui = db.prepare(`SELECT "id" FROM "Procuratorate" WHERE "shortName" = '桂'`).get() as { id: string };
    const host = db.prepare(`SELECT "id" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string };
    const kase = db
      .prepare(
        `SELECT c."id" AS id, a."id" AS agencyId, a."name" AS agencyName FROM "Case" c JOIN "Agency" a ON a."id" = c."respondentAgencyId"
         WHERE c."procuratorateId" = ? AND c."number" IS NOT NULL ORDER BY c."createdAt" LIMIT 1`
      )
      .get(gui.id) as { id: string; agencyId: string; agencyName: string };
    const demo = db.prepare(`SELECT "passwordHash" FROM "User" WHERE "username" = 'panelist'`).get() as { passwordHash: string };
    const in10 = new Date(Date.now() + 10 * 86_400_000).toISOString().replace("Z", "+00:00");
    const hearing = (id: string, title: string, status: string) => {
      db.prepare(
        `INSERT INTO "Hearing" ("id", "procuratorateId", "title", "venue", "startsAt", "hostId", "status", "isPublic", "createdAt", "updatedAt")
         VALUES (?, ?, ?, '检察听证室', ?, ?, ?, 0, ?, ?)`
      ).run(id, gui.id, title, in10, host.id, status, now(), now());
      db.prepare(`INSERT INTO "HearingCase" ("hearingId", "caseId", "ordinal", "issues") VALUES (?, ?, 1, ?)`).run(id, kase.id, issues);
    };
    const issues = `浏览器测试听证事项 ${run}`;
    const seatHearingId = `e2eseat${run}`;
    const portalHearingId = `e2eportal${run}`;
    hearing(seatHearingId, `选任听证员测试 ${run}`, "planned");
    hearing(portalHearingId, `听证员意见测试 ${run}`, "in_progress");
    const panelist = (id: string, name: string, category: string) =>
      db.prepare(
        `INSERT INTO "Panelist" ("id", "procuratorateId", "name", "category", "birthOn", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, '1975-05-05', ?, ?)`
      ).run(id, gui.id, name, category, now(), now());
    const pool = [
      { name: `甲代表${run}`, category: "npc_deputy" },
      { name: `乙代表${run}`, category: "npc_deputy" },
      { name: `丙委员${run}`, category: "cppcc_member" },
      { name: `丁监督员${run}`, category: "people_supervisor" },
      { name: `戊专家${run}`, category: "expert" },
    ];
    pool.forEach((p, i) => panelist(`e2epool${i}${run}`, p.name, p.category));
    const conflicted = `己关联${run}`;
    panelist(`e2econf${run}`, conflicted, "volunteer");
    db.prepare(
      `INSERT INTO "PanelistAffiliation" ("id", "panelistId", "agencyId", "organisation", "relation") VALUES (?, ?, ?, ?, '配偶在该单位工作')`
    ).run(`e2eaff${run}`, `e2econf${run}`, kase.agencyId, kase.agencyName);
    // A second panelist with an account (the demo password), and both seated on the portal hearing.
    const second = { username: `e2epanel${run}`, name: `庚听证员${run}` };
    panelist(`e2esecond${run}`, second.name, "expert");
    db.prepare(
      `INSERT INTO "User" ("id", "procuratorateId", "username", "displayName", "role", "passwordHash", "panelistId", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'panelist', ?, ?, ?, ?)`
    ).run(`e2euser${run}`, gui.id, second.username, second.name, demo.passwordHash, `e2esecond${run}`, now(), now());
    const demoPanelist = db.prepare(`SELECT "panelistId" FROM "User" WHERE "username" = 'panelist'`).get() as { panelistId: string };
    for (const id of [demoPanelist.panelistId, `e2esecond${run}`]) {
      db.prepare(`INSERT INTO "HearingPanelist" ("hearingId", "panelistId", "invitedAt") VALUES (?, ?, ?)`).run(portalHearingId, id, now());
    }
    return { seatHearingId, portalHearingId, caseId: kase.id, agencyName: kase.agencyName, pool, conflicted, second, issues };
  } finally {
    db.close();
  }
}

function approveDeparture(hearingId: string) {
  const db = new Database(DB);
  try {
    const chief = db.prepare(`SELECT "id" FROM "User" WHERE "username" = 'chief'`).get() as { id: string };
    db.prepare(
      `UPDATE "Approval" SET "decision" = 'approved', "decidedAt" = ?, "decidedById" = ? WHERE "hearingId" = ? AND "kind" = 'departure_from_majority'`
    ).run(now(), chief.id, hearingId);
  } finally {
    db.close();
  }
}

function closeDeliberation(hearingId: string) {
  const db = new Database(DB);
  try {
    db.prepare(`UPDATE "Hearing" SET "status" = 'deliberating', "deliberationClosedAt" = ? WHERE "id" = ?`).run(now(), hearingId);
  } finally {
    db.close();
  }
}

async function panelistPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/panel$/);
  return page;
}

async function signDeclaration(page: Page, name: string) {
  await page.getByLabel(zh("hearingPanel.portal.confirm")).check();
  await page.getByLabel(zh("hearingPanel.portal.signature")).fill(name);
  await page.getByRole("button", { name: zh("hearingPanel.portal.sign") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("hearingPanel.portal.signed") })).toBeVisible();
}

async function giveOpinion(page: Page, o: { stance: "agree" | "disagree"; reasons: string; name: string }) {
  const form = page.getByRole("form", { name: new RegExp(zh("hearingPanel.portal.opinionForm")) });
  await form.getByRole("radio", { name: zh(`opinionStance.${o.stance}`), exact: true }).check();
  await form.getByLabel(zh("hearingPanel.portal.reasons")).fill(o.reasons);
  await form.getByLabel(zh("hearingPanel.portal.signature")).fill(o.name);
  await form.getByRole("button", { name: zh("hearingPanel.portal.submit") }).click();
}

test("the prosecutor seats five panelists and one is blocked for a conflict; two panelists give sealed opinions", async ({ page, browser }) => {
  const s = setUp();

  // The staff side: the pool shows the conflicted candidate as blocked, naming the agency.
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/hearings/${s.seatHearingId}/panel`);
  const pool = page.getByTestId("panel-pool");
  const blocked = pool.getByRole("row").filter({ hasText: s.conflicted });
  await expect(blocked).toContainText(zh("hearingPanel.blocked"));
  await expect(blocked).toContainText(s.agencyName);
  await expect(blocked.getByRole("button", { name: zh("hearingPanel.seat") })).toHaveCount(0);
  for (const p of s.pool) {
    await pool.getByRole("row").filter({ hasText: p.name }).getByRole("button", { name: zh("hearingPanel.seat") }).click();
    await expect(page.getByRole("status").filter({ hasText: p.name })).toBeVisible();
  }
  const seats = page.getByTestId("panel-seats");
  for (const p of s.pool) await expect(seats).toContainText(p.name);
  await expect(page.getByTestId("panel-mix")).toContainText("(2/1/1/1)");
  await expect(seats).not.toContainText(s.conflicted);

  // A recusal request is recorded with who asked and why, shows its due date, and is granted.
  const [first, second] = [s.pool[0]!, s.pool[1]!];
  const firstRow = seats.getByRole("row").filter({ hasText: first.name });
  await firstRow.getByText(zh("hearingPanel.recusal.record")).click();
  const recusalForm = page.getByRole("form", { name: zh("hearingPanel.recusal.recordOf").replace("{name}", first.name) });
  await recusalForm.getByLabel(zh("hearingPanel.recusal.requestedBy")).fill("桂阳县生态环境分局");
  await recusalForm.getByLabel(zh("hearingPanel.recusal.reasonLabel")).fill("曾为该局提供法律咨询");
  await recusalForm.getByRole("button", { name: zh("hearingPanel.recusal.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: first.name })).toBeVisible();
  await expect(firstRow).toContainText("曾为该局提供法律咨询");
  await expect(firstRow).toContainText(zh("hearingPanel.recusal.due").replace(/\{date\}.*$/, "").trim());
  await firstRow.getByRole("button", { name: zh("hearingPanel.recusal.grant") }).click();
  await expect(page.getByRole("status").filter({ hasText: first.name })).toBeVisible();
  await expect(seats.getByRole("row").filter({ hasText: first.name })).toContainText(zh("hearings.recused"));
  await expect(page.getByTestId("panel-mix")).toContainText("(1/1/1/1)");
  // Unseating while the hearing is being prepared.
  await seats.getByRole("row").filter({ hasText: second.name }).getByRole("button", { name: zh("hearingPanel.unseat") }).click();
  await expect(page.getByRole("status").filter({ hasText: second.name })).toBeVisible();
  await expect(seats).not.toContainText(second.name);

  // Panelist one (the demo 刘振华): the briefing stays closed until the declaration is signed with
  // their own name; a wrong name is refused.
  const one = await panelistPage(browser, DEMO.panelist.username);
  await one.goto(`/panel/hearings/${s.portalHearingId}`);
  await expect(one.getByRole("heading", { name: zh("hearingPanel.portal.declarationTitle") })).toBeVisible();
  await expect(one.getByText(s.issues)).toHaveCount(0);
  await one.getByLabel(zh("hearingPanel.portal.confirm")).check();
  await one.getByLabel(zh("hearingPanel.portal.signature")).fill("别人的名字");
  await one.getByRole("button", { name: zh("hearingPanel.portal.sign") }).click();
  await expect(one.getByText(zh("hearingPanel.error.signatureMismatch"))).toBeVisible();
  await signDeclaration(one, "刘振华");
  await expect(one.getByText(s.issues)).toBeVisible();
  await giveOpinion(one, { stance: "agree", reasons: `甲的理由 ${tag}`, name: "刘振华" });
  await expect(one.getByRole("status").filter({ hasText: zh("hearingPanel.portal.saved") })).toBeVisible();

  // Panelist two signs and disagrees; neither sees the other's opinion while deliberation is open.
  const two = await panelistPage(browser, s.second.username);
  await two.goto(`/panel/hearings/${s.portalHearingId}`);
  await signDeclaration(two, s.second.name);
  await giveOpinion(two, { stance: "disagree", reasons: `乙的理由 ${tag}`, name: s.second.name });
  await expect(two.getByRole("status").filter({ hasText: zh("hearingPanel.portal.saved") })).toBeVisible();
  await expect(two.getByText(`甲的理由 ${tag}`)).toHaveCount(0);
  await one.reload();
  await expect(one.getByText(`甲的理由 ${tag}`).first()).toBeVisible();
  await expect(one.getByText(`乙的理由 ${tag}`)).toHaveCount(0);

  // The staff cannot read them either before deliberation closes.
  await page.goto(`/hearings/${s.portalHearingId}/opinions`);
  await expect(page.getByText(`甲的理由 ${tag}`)).toHaveCount(0);

  // The host closes deliberation while panelist one still has the form open: the change is refused.
  await one.getByText(zh("hearingPanel.portal.changeOpinion")).click();
  closeDeliberation(s.portalHearingId);
  await giveOpinion(one, { stance: "disagree", reasons: `甲改后的理由 ${tag}`, name: "刘振华" });
  await expect(one.getByText(zh("hearings.error.opinionsClosed"))).toBeVisible();

  // Unsealed: the staff read both opinions; the case page shows the tally.
  await page.goto(`/hearings/${s.portalHearingId}/opinions`);
  await expect(page.getByText(`甲的理由 ${tag}`)).toBeVisible();
  await expect(page.getByText(`乙的理由 ${tag}`)).toBeVisible();
  await expect(page.getByText(`甲改后的理由 ${tag}`)).toHaveCount(0);
  await page.goto(`/cases/${s.caseId}/hearings`);
  // Agree 1, disagree 1 (panelist one's change was refused): no majority yet on the case page.
  await expect(page.locator(`[data-tally="${s.portalHearingId}"]`)).toContainText(zh("hearingPanel.tally.noMajority"));
});

test("a decision departing from the panel majority needs the chief's approval (听证规定 Art 16)", async ({ page, browser }) => {
  const s = setUp();
  // Both panelists sign and disagree; the host closes deliberation.
  for (const [username, name] of [[DEMO.panelist.username, "刘振华"], [s.second.username, s.second.name]] as const) {
    const p = await panelistPage(browser, username);
    await p.goto(`/panel/hearings/${s.portalHearingId}`);
    await signDeclaration(p, name);
    await giveOpinion(p, { stance: "disagree", reasons: `${name}认为尚未整改到位`, name });
    await expect(p.getByRole("status").filter({ hasText: zh("hearingPanel.portal.saved") })).toBeVisible();
  }
  closeDeliberation(s.portalHearingId);

  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/hearings/${s.portalHearingId}/opinions`);
  const decision = page.locator(`[data-decision="${s.caseId}"]`);
  const decide = async () => {
    const form = decision.getByRole("form", { name: zh("hearingPanel.decision.title") });
    await form.getByLabel(zh("hearingPanel.decision.stance")).selectOption("agree");
    await form.getByLabel(zh("hearingPanel.decision.note")).fill("现场复查显示已整改到位，采纳拟处理意见");
    await form.getByRole("button", { name: zh("hearingPanel.decision.submit") }).click();
  };
  await decide();
  await expect(page.getByText(zh("hearingPanel.error.departureNeedsApproval"))).toBeVisible();

  await decision.getByText(zh("hearingPanel.departure.request")).click();
  const ask = decision.getByRole("form", { name: zh("hearingPanel.departure.request") });
  // The approval names the decision it allows (the one recorded below).
  await ask.getByLabel(zh("hearingPanel.departure.stance")).selectOption("agree");
  await ask.getByLabel(zh("hearingPanel.departure.reason")).fill("现场复查显示已整改到位");
  await ask.getByRole("button", { name: zh("hearingPanel.departure.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("hearingPanel.departure.done") })).toBeVisible();
  await expect(decision).toContainText(zh("approvalDecision.pending"));

  approveDeparture(s.portalHearingId);
  await page.reload();
  await decide();
  await expect(page.getByRole("status").filter({ hasText: zh("hearingPanel.decision.done") })).toBeVisible();
  await expect(decision).toContainText(zh("hearingPanel.decision.departed"));

  await page.goto(`/cases/${s.caseId}/hearings`);
  const tally = page.locator(`[data-tally="${s.portalHearingId}"]`);
  await expect(tally).toContainText(zh("hearingPanel.tally.majority").replace("{stance}", zh("opinionStance.disagree")));
  await expect(tally).toContainText(zh("hearingPanel.decision.departed"));
});
