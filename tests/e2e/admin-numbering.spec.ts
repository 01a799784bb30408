import { expect, test } from "@playwright/test";
import { isPhone, screenshot, settleFocus, signIn, zh } from "#tests/e2e/support";

// An administrator sets the 文号 code of a document kind at /admin/numbering; a bad code is
// refused with a message. Each project edits its own document kind (they share one server).

test("an admin sets a document number code, and a bad code is refused", async ({ page }, testInfo) => {
  const kind = isPhone(testInfo) ? "suspension_decision" : "closure_decision";
  const code = isPhone(testInfo) ? "行公止" : "行公终";
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/numbering");
  const row = page.locator(`tr[data-kind="${kind}"]`);
  await expect(row).toContainText(zh("numbering.none"));

  await page.getByLabel(zh("numbering.form.kind"), { exact: true }).selectOption(kind);
  await page.getByLabel(zh("numbering.form.code"), { exact: true }).fill(code);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/numbering\?saved=1$/);
  await expect(page.getByRole("status")).toContainText(zh("numbering.saved"));
  await expect(row).toContainText(code);
  await expect(row).toContainText(new RegExp(`桂检${code}〔\\d{4}〕1号`));
  await screenshot(page, testInfo, "admin-numbering-saved");

  // A code with punctuation is refused with a message; the stored code stays.
  await page.getByLabel(zh("numbering.form.kind"), { exact: true }).selectOption(kind);
  await page.getByLabel(zh("numbering.form.code"), { exact: true }).fill("行公〔终");
  await settleFocus(page);
  await page.getByRole("button", { name: zh("common.save"), exact: true }).click();
  await expect(page.getByText(zh("numbering.validation.code"))).toBeVisible();
  await page.goto("/admin/numbering");
  await expect(page.locator(`tr[data-kind="${kind}"]`)).toContainText(code);
});
