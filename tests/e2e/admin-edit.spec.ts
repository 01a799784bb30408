import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { isPhone, screenshot, settleFocus, signIn, zh } from "#tests/e2e/support";

// An administrator edits an existing agency and an existing panelist. The edit forms once shared
// their id with the highlighted table row, so the fields' form= attribute named the row and the
// browser posted only intent and id: nothing the user typed was ever saved.

// Tests and projects run in parallel on one server: each test of each project edits its own row
// (desktop counts from the top, phone from the bottom; \`slot\` separates tests on one page).
const rowOf = async (page: Page, testInfo: TestInfo, slot = 0) => {
  const rows = page.locator("table tbody tr");
  await expect(rows.first()).toBeVisible();
  return isPhone(testInfo) ? rows.nth((await rows.count()) - 1 - slot) : rows.nth(slot);
};

const unique = () => String(Date.now() % 100_000_000);
// A landline's local number never starts with 0 or 1 (app/domain/common/phone.ts): the clock's
// digits follow a fixed 8, or the test would fail whenever they happened to start with 0 or 1.
const uniquePhone = () => `0735-8${String(Date.now() % 10_000_000).padStart(7, "0")}`;

async function openAgencyEdit(page: Page, testInfo: TestInfo, slot: number) {
  await page.goto("/admin/agencies");
  await (await rowOf(page, testInfo, slot)).getByRole("link", { name: zh("admin.agency.edit"), exact: true }).click();
  await expect(page).toHaveURL(/\?edit=/);
  await expect(page.getByLabel(zh("admin.agency.name"), { exact: true })).not.toHaveValue("");
}

test("an admin edits an agency's phone and address, and the change is saved", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await openAgencyEdit(page, testInfo, 0);
  const editUrl = page.url();

  const phone = uniquePhone();
  const address = `郴州市北湖区测试路${unique()}号`;
  await page.getByLabel(zh("admin.agency.phone"), { exact: true }).fill(phone);
  await page.getByLabel(zh("admin.agency.address"), { exact: true }).fill(address);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("common.save"), exact: true }).click();

  await expect(page).toHaveURL(/\/admin\/agencies\?saved=[^#]+#agency-row-/);
  await expect(page.getByRole("status")).toContainText("已保存");
  const highlighted = page.locator("tr.row-highlight");
  await expect(highlighted).toContainText(phone);
  await expect(highlighted).toContainText(address);
  await screenshot(page, testInfo, "admin-agency-saved");

  // Stored, not just echoed: a fresh load of the edit form shows the new values.
  await page.goto(editUrl);
  await expect(page.getByLabel(zh("admin.agency.phone"), { exact: true })).toHaveValue(phone);
  await expect(page.getByLabel(zh("admin.agency.address"), { exact: true })).toHaveValue(address);
});

test("clearing an agency's name is refused with a message and saves nothing", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await openAgencyEdit(page, testInfo, 1);
  const name = page.getByLabel(zh("admin.agency.name"), { exact: true });
  const originalName = await name.inputValue();
  const phone = page.getByLabel(zh("admin.agency.phone"), { exact: true });
  const originalPhone = await phone.inputValue();

  await name.fill("");
  await phone.fill(uniquePhone());
  await settleFocus(page);
  await page.getByRole("button", { name: zh("common.save"), exact: true }).click();

  await expect(page.getByText(zh("validation.required"))).toBeVisible();
  await expect(page).toHaveURL(/\?edit=/);
  await expect(page).not.toHaveURL(/saved=/);
  await screenshot(page, testInfo, "admin-agency-name-required");

  // A reload (a goto to the same URL with its #fragment would stay in the document).
  await page.reload();
  await expect(page.getByLabel(zh("admin.agency.name"), { exact: true })).toHaveValue(originalName);
  await expect(page.getByLabel(zh("admin.agency.phone"), { exact: true })).toHaveValue(originalPhone);
});

test("an admin edits a panelist's work unit, and the change is saved", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/panelists");
  await (await rowOf(page, testInfo)).getByRole("link", { name: zh("admin.panelist.edit"), exact: true }).click();
  await expect(page).toHaveURL(/\?edit=/);
  const workUnit = page.getByLabel(zh("admin.panelist.workUnit"), { exact: true });
  await expect(page.getByLabel(zh("admin.panelist.name"), { exact: true })).not.toHaveValue("");

  const unit = `桂阳县测试单位${unique()}`;
  await workUnit.fill(unit);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("common.save"), exact: true }).click();

  await expect(page).toHaveURL(/\/admin\/panelists\?edit=[^&]+&saved=1/);
  await expect(page.locator("tr.row-highlight")).toContainText(unit);
  await screenshot(page, testInfo, "admin-panelist-saved");

  await page.reload();
  await expect(page.getByLabel(zh("admin.panelist.workUnit"), { exact: true })).toHaveValue(unit);
  await expect(page.locator("tr.row-highlight")).toContainText(unit);
});
