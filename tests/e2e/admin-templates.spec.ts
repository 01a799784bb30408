import { expect, test } from "@playwright/test";
import { isPhone, screenshot, signIn, zh } from "#tests/e2e/support";
import { docxWith } from "#tests/support/docx-template";

// An administrator uploads a template of a kind at /admin/templates/<kind>: a file missing a
// required placeholder is refused with the list of problems (nothing saved); a file with every
// required placeholder becomes version 1 of the procuratorate's own template; a second upload
// becomes version 2, and version 1 is made active again; "use the shared template again" switches
// the own template off (versions kept), and version 2 is made active again. Each project uses its own kind (they
// share one server).

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

test("an admin's template upload is checked, versioned, and an older version made active again", async ({ page }, testInfo) => {
  const kind = isPhone(testInfo) ? "closure_decision" : "filing_decision";
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/templates");
  await page.locator(`tr[data-kind="${kind}"]`).getByRole("link", { name: zh("templates.list.open") }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}$`));

  // The packaged template, registered when the server started, is in use until an upload.
  await expect(page.getByTestId("template-in-effect")).toContainText(zh("templates.inEffect.shared").split("{version}")[0]!);
  await expect(page.getByTestId("shared-versions").locator("tr[data-version]")).not.toHaveCount(0);

  // What to put in: the kind's placeholders, as the page lists them.
  const rows = page.locator("[data-testid=template-placeholders] tr[data-placeholder]");
  await expect(rows.first()).toBeVisible();
  const required = await page
    .locator('[data-testid=template-placeholders] tr[data-required="true"]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-placeholder") ?? ""));
  expect(required.length).toBeGreaterThan(1);
  const paragraphs = (names: string[], note: string) => docxWith([note, ...names.map((n) => `{{${n}}}`)]);
  const file = async (name: string, bytes: Uint8Array) => ({ name, mimeType: DOCX, buffer: Buffer.from(bytes) });
  const upload = async (name: string, bytes: Uint8Array) => {
    await page.getByLabel(zh("templates.upload.file")).setInputFiles(await file(name, bytes));
    await page.getByRole("button", { name: zh("templates.upload.submit"), exact: true }).click();
  };

  // Refused: one required placeholder left out, and one the kind does not have.
  const missing = required.at(-1)!;
  await upload("缺少字段.docx", await paragraphs([...required.slice(0, -1), "informant_name"], "退回的模板"));
  const problems = page.getByTestId("template-problems");
  await expect(problems).toContainText(zh("templates.problem.missing").replace("{name}", `{{${missing}}}`));
  await expect(problems).toContainText(zh("templates.problem.unknown").replace("{name}", "{{informant_name}}"));
  await expect(page.getByTestId("own-versions")).toHaveCount(0);
  await screenshot(page, testInfo, "admin-templates-refused");

  // Accepted: every required placeholder.
  await upload("本院模板第一版.docx", await paragraphs(required, "第一版"));
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}\\?uploaded=1$`));
  await expect(page.getByRole("status")).toContainText(zh("templates.uploaded").replace("{version}", "1"));
  await expect(page.getByTestId("template-in-effect")).toContainText(zh("templates.inEffect.own").replace("{version}", "1"));

  await upload("本院模板第二版.docx", await paragraphs(required, "第二版"));
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}\\?uploaded=2$`));
  const own = page.getByTestId("own-versions");
  await expect(own.locator('tr[data-version="2"]')).toContainText(zh("templates.active"));
  await expect(own.locator('tr[data-version="1"]')).toContainText("本院模板第一版.docx");

  // Version 1 made active again.
  await own.locator('tr[data-version="1"]').getByRole("button", { name: zh("templates.makeActive"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}\\?activated=1$`));
  await expect(page.getByTestId("template-in-effect")).toContainText(zh("templates.inEffect.own").replace("{version}", "1"));
  await expect(own.locator('tr[data-version="1"]')).toContainText(zh("templates.active"));
  await expect(own.locator('tr[data-version="2"]').getByRole("button", { name: zh("templates.makeActive"), exact: true })).toBeVisible();

  // Any version's .docx downloads.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    own.locator('tr[data-version="2"]').getByRole("link", { name: zh("templates.download"), exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await screenshot(page, testInfo, "admin-templates-versions");

  // The list shows the kind's own template now.
  await page.goto("/admin/templates");
  await expect(page.locator(`tr[data-kind="${kind}"]`)).toContainText(zh("admin.templates.own"));

  // Back to the shared template: the own template is switched off, its versions kept; the button
  // is gone once the shared one is in use (nothing left to switch off); any own version comes back.
  await page.goto(`/admin/templates/${kind}`);
  await page.getByRole("button", { name: zh("templates.useShared"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}\\?sharedAgain=1$`));
  await expect(page.getByRole("status")).toContainText(zh("templates.sharedAgain"));
  await expect(page.getByTestId("template-in-effect")).toContainText(zh("templates.inEffect.shared").split("{version}")[0]!);
  await expect(page.getByRole("button", { name: zh("templates.useShared"), exact: true })).toHaveCount(0);
  await expect(own.locator("tr[data-version]")).toHaveCount(2);
  await own.locator('tr[data-version="2"]').getByRole("button", { name: zh("templates.makeActive"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/templates/${kind}\\?activated=2$`));
  await expect(page.getByTestId("template-in-effect")).toContainText(zh("templates.inEffect.own").replace("{version}", "2"));
});
