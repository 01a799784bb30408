import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO, signIn, zh } from "./support";

// Issue 11 "Done when", third bullet: from a submitted reply with three points, the prosecutor
// assesses two points rectified and one on paper only, records a follow-up visit, and the case
// offers pre-suit review (审查起诉); a reopen without a reason is refused next to it.

const DB = path.join(path.resolve("tests/.tmp/e2e"), "procura.db");

/** A follow-up case of the demo prosecutor with a served recommendation and the agency's submitted reply. */
function seedSubmittedReply(tag: string) {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const now = new Date().toISOString().replace("Z", "+00:00");
  // Dates from today in Shanghai (the app's day): the two months ended three days ago, so the gate
  // offers pre-suit review and its month (规则 Art 47, from the period's end) is not yet overdue;
  // an overdue one would show on the demo prosecutor's "my work" that work.spec.ts counts.
  const shanghaiDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const dueOn = shanghaiDay(-3);
  const servedOn = shanghaiDay(-64);
  const caseId = `e2easc${tag}`;
  const recId = `e2easr${tag}`;
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      const agency = db.prepare(`SELECT "id" FROM "Agency" WHERE "procuratorateId" = ? ORDER BY "id" LIMIT 1`).get(user.procuratorateId) as { id: string };
      db.prepare(
        `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "respondentAgencyId", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'ecology', 'follow_up', ?, ?, ?, ?)`,
      ).run(caseId, user.procuratorateId, `2026-评-E2E-${tag}`, `跟进评估测试案件 ${tag}`, user.id, agency.id, now, now);
      db.prepare(`INSERT INTO "CaseMember" ("caseId", "userId", "role") VALUES (?, ?, 'lead')`).run(caseId, user.id);
      db.prepare(
        `INSERT INTO "Evidence" ("id", "caseId", "ordinal", "title", "kind", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, 1, ?, 'audiovisual', ?, ?, ?)`,
      ).run(`e2ease${tag}`, caseId, `复查现场照片 ${tag}`, user.id, now, now);
      db.prepare(
        `INSERT INTO "Recommendation" ("id", "caseId", "procuratorateId", "number", "status", "facts", "reasons", "legalBasis", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'served', '事实', '理由', '依据', ?, ?, ?)`,
      ).run(recId, caseId, user.procuratorateId, `桂检行公建〔2026〕E${tag}号`, user.id, now, now);
      db.prepare(
        `INSERT INTO "Service" ("id", "caseId", "documentKind", "recommendationId", "agencyId", "recipient", "method", "servedOn", "serverName", "createdById", "createdAt")
         VALUES (?, ?, 'recommendation', ?, ?, '联络人', 'direct', ?, '送达人', ?, ?)`,
      ).run(`e2eass${tag}`, caseId, recId, agency.id, servedOn, user.id, now);
      db.prepare(
        `INSERT INTO "Reply" ("id", "recommendationId", "agencyId", "summary", "status", "submittedAt", "receiptNumber", "dueOn", "late", "createdAt", "updatedAt")
         VALUES (?, ?, ?, '已按建议整改', 'submitted', ?, ?, ?, 0, ?, ?)`,
      ).run(`e2easy${tag}`, recId, agency.id, now, `回执-E2E-${tag}`, dueOn, now, now);
      for (const n of [1, 2, 3]) {
        db.prepare(`INSERT INTO "RecommendationPoint" ("id", "recommendationId", "ordinal", "text") VALUES (?, ?, ?, ?)`).run(
          `e2easp${n}${tag}`,
          recId,
          n,
          `第${n}项：清理违规堆放物`,
        );
        db.prepare(`INSERT INTO "ReplyAnswer" ("id", "replyId", "pointId", "status", "text") VALUES (?, ?, ?, 'done', '已整改完毕')`).run(
          `e2easa${n}${tag}`,
          `e2easy${tag}`,
          `e2easp${n}${tag}`,
        );
      }
    }).immediate();
  } finally {
    db.close();
  }
  return { caseId };
}

test("the prosecutor assesses three points, records a visit, and the case offers pre-suit review", async ({ page }) => {
  const tag = randomUUID().slice(0, 8);
  const { caseId } = seedSubmittedReply(tag);
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(new RegExp(`${DEMO.prosecutor.home}$`));
  await page.goto(`/cases/${caseId}/assessment`);

  const assess = async (n: number, outcome: string, findings: string) => {
    const form = page.getByRole("form", { name: `评估第${n}项` });
    await form.getByLabel(zh("agencyAssess.assess.outcome")).selectOption(outcome);
    await form.getByLabel(zh("agencyAssess.assess.findings")).fill(findings);
    await form.getByRole("button", { name: zh("agencyAssess.assess.save") }).click();
    await expect(page.getByRole("status").filter({ hasText: zh("agencyAssess.saved.assess") })).toBeVisible();
  };
  await assess(1, "rectified", "现场核查，堆放物已清理。");
  await assess(2, "rectified", "现场核查，已设置围挡。");
  await assess(3, "paper_only", "回复称已整改，现场仍有堆放物。");
  await expect(page.locator("#point-3")).toContainText(zh("assessmentOutcome.paper_only"));

  // Refusal: reopening without a reason writes nothing.
  await page.locator("#point-3").getByText(zh("agencyAssess.reopen.open"), { exact: true }).click();
  const reopen = page.getByRole("form", { name: "重新评估第3项" });
  await reopen.getByRole("button", { name: zh("agencyAssess.reopen.save") }).click();
  await expect(reopen.getByText(zh("agencyAssess.validation.reopenReason"))).toBeVisible();
  await expect(page.locator("#point-3")).toContainText(zh("assessmentOutcome.paper_only"));

  // A follow-up visit with the case's evidence item.
  const visit = page.getByRole("form", { name: zh("agencyAssess.visit.new") });
  await visit.getByLabel(zh("agencyAssess.visit.place")).fill("城东河道堆放点");
  await visit.getByLabel(zh("agencyAssess.visit.findings")).fill("第三项堆放物仍在，拍照取证。");
  await visit.getByLabel(`1. 复查现场照片 ${tag}`).check();
  await visit.getByRole("button", { name: zh("agencyAssess.visit.save") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("agencyAssess.saved.visit") })).toBeVisible();
  await expect(page.getByText("城东河道堆放点")).toBeVisible();

  // The case page offers pre-suit review with its one-month clock and the complaint draft.
  await page.goto(`/cases/${caseId}`);
  const gate = page.locator("#escalation-gate");
  await expect(gate).toContainText(zh("agencyAssess.gate.unperformed"));
  await expect(gate.locator("#pre-suit-clock")).toContainText("第四十七条");
  await expect(gate.getByRole("link", { name: zh("agencyAssess.gate.complaintDraft") })).toHaveAttribute("href", `/cases/${caseId}/documents`);
  await gate.getByRole("button", { name: zh("agencyAssess.gate.startPreSuit") }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}\\?done=moved`));
  await expect(page.getByRole("status").filter({ hasText: zh("caseState.pre_suit_review") })).toBeVisible();
});

test("the series page shows its honest rates and links each agency to the agency's page", async ({ page }) => {
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(new RegExp(`${DEMO.prosecutor.home}$`));
  await page.goto("/series");
  await page.getByRole("link", { name: "桂阳县重点公共场所废弃口罩收集处置" }).first().click();
  const rates = page.locator("#rates");
  await expect(rates.getByRole("rowheader", { name: "2022" })).toBeVisible();
  // Every point of the 2022 replies was verified on follow-up: "n / m (p%)" with m > 0.
  await expect(rates.getByRole("row", { name: /2022/ }).locator("td").nth(1)).toHaveText(/^\d+ \/ [1-9]\d* \(\d+%\)$/);
  await expect(rates).toContainText(zh("agencyAssess.rates.note"));

  const agencyLink = page.locator('table a[href^="/agencies/"]').first();
  const agencyName = (await agencyLink.textContent())!.trim();
  await agencyLink.click();
  await expect(page).toHaveURL(/\/agencies\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(agencyName);
  await expect(page.locator("#rates").getByRole("rowheader", { name: zh("agencyAssess.rates.total") })).toBeVisible();
  await expect(page.getByText(zh("agencyAssess.agency.recommendations"))).toBeVisible();
});
