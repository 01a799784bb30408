import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { isPhone, settleFocus, signIn, signOut, zh } from "#tests/e2e/support";

// A prosecutor registers a clue in the browser, starts its evaluation, writes it, proposes filing,
// and sees the new case awaiting the chief's approval; a bad ID number is refused with its message.
// Each test (and each project) registers its own clue, so they run in parallel on one server.

/** A resident ID with a correct check character (GB 11643-1999), and one with a wrong one. */
function idNumbers(body: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const good = body + "10X98765432"[[...body].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11]!;
  return { good, bad: good.slice(0, 17) + (good[17] === "1" ? "2" : "1") };
}
const ID = idNumbers("43102119780512031");
const unique = () => String(Date.now() % 100_000_000);

async function fillClue(page: Page, summary: string, idNumber: string) {
  await page.goto("/clues/new");
  await page.getByLabel(zh("cases.clues.source"), { exact: true }).selectOption("report");
  await page.getByLabel(zh("cases.col.field"), { exact: true }).selectOption("ecology");
  await page.getByLabel(zh("cases.clues.location"), { exact: true }).fill("桂阳县欧阳海镇");
  await page.getByLabel(zh("cases.clues.summary"), { exact: true }).fill(summary);
  await page.getByLabel(zh("cases.informant.name"), { exact: true }).fill("邝文斌");
  await page.getByLabel(zh("cases.informant.phone"), { exact: true }).fill("139 7553 9217");
  await page.getByLabel(zh("cases.informant.idNumber"), { exact: true }).fill(idNumber);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("clues.new.submit"), exact: true }).click();
}

test("a prosecutor registers a clue, evaluates it and proposes filing; the chief files it with a register number", async ({ page }, testInfo) => {
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/clues");
  await page.getByRole("link", { name: zh("clues.new.action"), exact: true }).click();
  await expect(page).toHaveURL(/\/clues\/new$/);

  const summary = `群众举报：欧阳海水库夜间电鱼（${unique()}）`;
  await fillClue(page, summary, ID.good);
  await expect(page).toHaveURL(/\/clues\/[^/?]+\?registered=1$/);
  await expect(page.getByRole("status")).toContainText(/线索 \d{4}-线索-\d{3} 已登记/);
  await expect(page.getByText(summary)).toBeVisible();
  // The informant is masked on the page; the registrar may show it, and that view is audited.
  await expect(page.getByText("邝**")).toBeVisible();
  await expect(page.getByText(ID.good)).toHaveCount(0);
  await page.getByRole("link", { name: zh("clues.informant.show"), exact: true }).click();
  await expect(page.getByText(ID.good)).toBeVisible();
  await expect(page.getByText(zh("clues.informant.shown"))).toBeVisible();

  await page.getByRole("button", { name: zh("clues.start.submit"), exact: true }).click();
  await expect(page.getByRole("status")).toContainText(zh("clues.started"));
  await expect(page.getByText(zh("clueStatus.evaluating")).first()).toBeVisible();

  await page.getByLabel(zh("clues.evaluation.label"), { exact: true }).fill("经现场查看，夜间电鱼属实，县农业农村局负有渔政监管职责，建议立案。");
  await settleFocus(page);
  await page.getByRole("button", { name: zh("clues.evaluation.submit"), exact: true }).click();
  await expect(page.getByRole("status")).toContainText(zh("clues.evaluation.saved"));

  const title = `县农业农村局怠于履行渔政监管职责案（${unique()}）`;
  await page.getByLabel(zh("clues.propose.caseTitle"), { exact: true }).fill(title);
  await page.getByLabel(zh("clues.propose.agency"), { exact: true }).selectOption({ index: 1 });
  await settleFocus(page);
  await page.getByRole("button", { name: zh("clues.propose.submit"), exact: true }).click();
  await expect(page.getByRole("status")).toContainText(zh("clues.proposed.filing"));
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText(zh("caseState.evaluation"));
  await expect(row.getByText(`待审批：${zh("approvalKind.filing")}`)).toBeVisible();

  // The request is in the prosecutor's own approvals, pending.
  await row.getByRole("link", { name: `待审批：${zh("approvalKind.filing")}` }).click();
  await expect(page).toHaveURL(/\/approvals\/[^/]+$/);
  await expect(page.getByText(title).first()).toBeVisible();
  await expect(page.getByText(zh("approvalDecision.pending")).first()).toBeVisible();
  const approvalUrl = page.url();

  // The chief approves it (desktop only: approving is final); the case is filed with its register number.
  if (isPhone(testInfo)) return;
  await signOut(page);
  await signIn(page, "chief");
  await expect(page).toHaveURL(/\/approvals$/);
  await page.goto(approvalUrl);
  await page.getByLabel(zh("approvals.decide.approve"), { exact: true }).check();
  await settleFocus(page);
  await page.getByRole("button", { name: zh("approvals.decide.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\?decided=approved$/);
  await expect(page.getByTestId("approval-applied")).toContainText(/\d{4}-行公-\d{3}/);
  // The case is now listed by its register number.
  await page.getByRole("link", { name: /^\d{4}-行公-\d{3}$/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  await expect(page.locator(".case-header")).toContainText(zh("caseState.filed"));
  await expect(page.locator(".case-header")).toContainText(/\d{4}-行公-\d{3}/);
  // Filing starts the 7 days to serve the 立案决定书 (规则 Art 70): the case page shows it.
  await expect(page.locator("#deadlines")).toContainText(zh("deadlines.rule.filing_decision_service"));
});

test("a bad ID number is refused with a message, and an illegal move is refused", async ({ page }) => {
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  const summary = `群众举报：河道非法采砂（${unique()}）`;
  await fillClue(page, summary, ID.bad);
  await expect(page).toHaveURL(/\/clues\/new$/);
  await expect(page.getByText(zh("clues.validation.idNumber"))).toBeVisible();

  // Corrected, it registers; a transfer needs the evaluation first.
  await page.getByLabel(zh("cases.informant.idNumber"), { exact: true }).fill(ID.good);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("clues.new.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\?registered=1$/);
  await page.getByRole("button", { name: zh("clues.start.submit"), exact: true }).click();
  await expect(page.getByRole("status")).toContainText(zh("clues.started"));
  await page.getByLabel(zh("clues.transfer.to"), { exact: true }).fill("桂阳县公安局");
  await settleFocus(page);
  await page.getByRole("button", { name: zh("clues.transfer.submit"), exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: zh("clues.error.evaluationRequired") })).toBeVisible();
});
