import { expect, test } from "@playwright/test";
import { isPhone, screenshot, settleFocus, signIn, zh } from "#tests/e2e/support";

// The chief decides approval requests in the browser; approving applies what was asked (issue 6 §1).
// Approving changes the shared demo database, so the approving journey runs once (desktop).

test("the chief approves the seeded recommendation request and sees its 文号", async ({ page }, testInfo) => {
  test.skip(isPhone(testInfo), "approving is final; the desktop project does it once");
  await signIn(page, "chief");
  await expect(page).toHaveURL(/\/approvals$/);
  await page.getByRole("link", { name: /^提请制发检察建议：/ }).first().click();
  await expect(page).toHaveURL(/\/approvals\/[^/?]+$/);
  // Before deciding, the page says what approving will do.
  const effect = page.getByTestId("approval-effect");
  await expect(effect).toContainText(zh("approvals.effect.before"));
  await expect(effect).toContainText("行公建");
  await page.getByLabel(zh("approvals.decide.approve"), { exact: true }).check();
  await page.getByLabel(zh("approvals.decide.comment")).fill("同意制发检察建议。");
  await settleFocus(page);
  await page.getByRole("button", { name: zh("approvals.decide.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\?decided=approved$/);
  const applied = page.getByTestId("approval-applied");
  await expect(applied).toContainText(/桂检行公建〔\d{4}〕\d+号/);
  await expect(applied).toContainText("整改");
  await screenshot(page, testInfo, "approval-recommendation-applied");
});

test("a rejection without a reason is refused with a message, and the request stays pending", async ({ page }) => {
  await signIn(page, "chief");
  await expect(page).toHaveURL(/\/approvals$/);
  await page.getByRole("link", { name: /^提请立案：/ }).first().click();
  await expect(page).toHaveURL(/\/approvals\/[^/?]+$/);
  await expect(page.getByTestId("approval-effect")).toContainText(zh("approvals.effect.filing"));
  await page.getByLabel(zh("approvals.decide.reject"), { exact: true }).check();
  await settleFocus(page);
  await page.getByRole("button", { name: zh("approvals.decide.submit"), exact: true }).click();
  await expect(page.getByText(zh("approvals.validation.commentRequired"))).toBeVisible();
  await page.reload();
  await expect(page.getByText(zh("approvals.waiting"))).toBeVisible();
});

test("a prosecutor sees their request but cannot decide it", async ({ page }) => {
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/approvals");
  await page.getByRole("link", { name: /^提请立案：/ }).first().click();
  await expect(page).toHaveURL(/\/approvals\/[^/?]+$/);
  await expect(page.getByText(zh("approvals.waiting"))).toBeVisible();
  await expect(page.getByRole("button", { name: zh("approvals.decide.submit") })).toHaveCount(0);
  // Posting the decision by hand is refused.
  const answer = await page.request.post(page.url(), {
    form: { decision: "approved" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(answer.status()).toBe(403);
});
