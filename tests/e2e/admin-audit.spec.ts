import { expect, test } from "@playwright/test";
import { signIn, zh } from "#tests/e2e/support";

// An administrator anchors the audit chain and verifies it from the admin page.
test("an admin writes an anchor and verifies the audit chain", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { name: zh("admin.audit.title"), level: 1 })).toBeVisible();

  await page.getByRole("button", { name: zh("admin.audit.anchor") }).click();
  await expect(page.getByRole("status")).toContainText(zh("admin.audit.anchored").split("：")[0]!);

  await page.getByRole("button", { name: zh("admin.audit.verify") }).click();
  await expect(page.getByRole("status")).toContainText(zh("admin.audit.ok"));
  await expect(page.getByRole("status")).not.toContainText(zh("admin.audit.broken"));
});
