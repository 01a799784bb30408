import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { settleFocus, signIn, zh } from "#tests/e2e/support";

// A prosecutor records a physical custody step on an evidence item's page: the form refuses a time
// in the future and a transfer without its new holder (the messages shown, nothing recorded), then
// records the transfer, which appears on the timeline with the new holder.

const DB = path.resolve("tests/.tmp/e2e/procura.db");

/** The first evidence item of the demo prosecutor's investigating case (2026-行公-005, 桂). */
function demoItem(): { caseId: string; evidenceId: string } {
  const db = new Database(DB, { readonly: true });
  db.pragma("busy_timeout = 10000");
  try {
    const row = db
      .prepare(
        `SELECT e."id" AS evidenceId, c."id" AS caseId FROM "Evidence" e JOIN "Case" c ON c."id" = e."caseId"
         JOIN "User" u ON u."id" = c."leadProsecutorId"
         WHERE u."username" = 'prosecutor' AND c."state" = 'investigating' AND c."number" LIKE '%-行公-005'
         ORDER BY e."ordinal" LIMIT 1`,
      )
      .get() as { caseId: string; evidenceId: string } | undefined;
    if (!row) throw new Error("the demo seed has no evidence item on the case 行公-005");
    return row;
  } finally {
    db.close();
  }
}

/** A datetime-local value in Shanghai, `hours` from now. */
const shanghai = (hours: number) => new Date(Date.now() + (8 + hours) * 3600_000).toISOString().slice(0, 16);

test("a prosecutor records a transfer on the custody timeline; a future time and a missing holder are refused", async ({ page }, testInfo) => {
  const { caseId, evidenceId } = demoItem();
  const holder = `市院技术处 王晓（${testInfo.project.name}-${Date.now() % 1_000_000}）`;
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/cases/${caseId}/evidence/${evidenceId}`);
  const timeline = page.locator('[data-testid="custody-timeline"] li');
  const before = await timeline.count();

  await page.getByText(zh("evidenceCustody.form.title"), { exact: true }).click();
  const form = page.getByTestId("custody-form");
  await form.getByLabel(zh("evidenceCustody.form.action"), { exact: true }).selectOption("transferred");
  await form.getByLabel(zh("evidenceCustody.form.at"), { exact: true }).fill(shanghai(48));
  await settleFocus(page);
  await form.getByRole("button", { name: zh("evidenceCustody.form.submit"), exact: true }).click();
  await expect(form.getByText(zh("evidenceCustody.validation.future"))).toBeVisible();
  await expect(form.getByText(zh("evidenceCustody.validation.counterparty.transferred"))).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/evidence/${evidenceId}$`));
  await expect(timeline).toHaveCount(before);

  // Fixed: an hour ago, with the new holder. Recorded and shown on the timeline.
  await form.getByLabel(zh("evidenceCustody.form.at"), { exact: true }).fill(shanghai(-1));
  await form.getByLabel(zh("evidenceCustody.form.counterparty"), { exact: true }).fill(holder);
  await form.getByLabel(zh("evidenceCustody.form.note"), { exact: true }).fill("送检");
  await form.getByRole("button", { name: zh("evidenceCustody.form.submit"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/evidence/${evidenceId}\\?custody=1#custody$`));
  await expect(page.getByRole("status").filter({ hasText: zh("evidenceCustody.recorded") })).toBeVisible();
  await expect(timeline).toHaveCount(before + 1);
  const entry = timeline.filter({ hasText: holder });
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute("data-action", "transferred");
  await expect(entry).toContainText(`${zh("evidenceCustody.counterparty.transferred")}：${holder}`);
  await expect(entry).toContainText(zh("custodyAction.transferred"));
});
