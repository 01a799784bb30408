import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { screenshot, settleFocus, signIn, zh } from "#tests/e2e/support";
import { pdfBytes, pngBytes } from "#tests/support/evidence-files";

// A prosecutor registers an evidence item on an investigating case of the demo (the form refuses a
// single collector, 规则 Art 36), uploads a PNG and a PDF with the progress bar reaching 100%, and
// sees both files with their SHA-256 and the custody timeline with their 'uploaded' events. Each
// test (and project) registers its own item, so runs do not disturb each other.

const DB = path.resolve("tests/.tmp/e2e/procura.db");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** The demo prosecutor's investigating case (2026-行公-005, 桂). */
function investigatingCase(): string {
  const db = new Database(DB, { readonly: true });
  db.pragma("busy_timeout = 10000");
  try {
    const row = db
      .prepare(
        `SELECT c."id" AS id FROM "Case" c JOIN "User" u ON u."id" = c."leadProsecutorId"
         WHERE u."username" = 'prosecutor' AND c."state" = 'investigating' AND c."number" LIKE '%-行公-005'`,
      )
      .get() as { id: string } | undefined;
    if (!row) throw new Error("the demo seed has no investigating case 行公-005 of the demo prosecutor");
    return row.id;
  } finally {
    db.close();
  }
}

test("a prosecutor registers an item, uploads a PNG and a PDF with progress, and sees hashes and the custody timeline", async ({ page }, testInfo) => {
  const caseId = investigatingCase();
  const title = `排污口夜间现场照片（${testInfo.project.name}-${Date.now() % 1_000_000}）`;
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/cases/${caseId}/evidence`);
  await page.getByRole("link", { name: zh("evidenceItems.new.link"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/evidence/new$`));

  await page.getByLabel(zh("evidenceItems.form.kind"), { exact: true }).selectOption("audiovisual");
  await page.getByLabel(zh("evidenceItems.form.source"), { exact: true }).selectOption("collected");
  await page.getByLabel(zh("evidenceItems.form.title"), { exact: true }).fill(title);
  await page.getByLabel(zh("evidenceItems.form.collectedPlace"), { exact: true }).fill("舂陵江支流某养殖场排污口");
  await page.getByLabel(zh("evidenceItems.form.otherCollectors"), { exact: true }).fill("见证人：村委会委员李春生");
  await page.getByLabel(zh("evidenceItems.form.sourceNote"), { exact: true }).fill("夜间现场拍摄");
  // Only the prosecutor (checked by default) as collector: refused with the rule's message.
  const collectors = page.getByRole("group", { name: zh("evidenceItems.form.collectors") });
  await expect(collectors.getByRole("checkbox", { checked: true })).toHaveCount(1);
  await settleFocus(page);
  await page.getByRole("button", { name: zh("evidenceItems.form.create"), exact: true }).click();
  await expect(page.getByText(zh("evidenceItems.validation.twoCollectors"))).toBeVisible();
  await expect(page).toHaveURL(/\/evidence\/new$/);

  // A second collector: registered, on its own page.
  await collectors.getByRole("checkbox", { checked: false }).first().check();
  await page.getByRole("button", { name: zh("evidenceItems.form.create"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/evidence/[^/?]+\\?created=1$`));
  await expect(page.getByText(zh("evidenceItems.created"))).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
  const timeline = page.getByTestId("custody-timeline");
  await expect(timeline.locator('li[data-action="collected"]')).toHaveCount(1);

  // Upload a PNG and a PDF: the progress bar shows percentage and speed and reaches 100%.
  const png = pngBytes(32, 32, Date.now() % 251);
  const pdf = pdfBytes(`Procura e2e ${testInfo.project.name} ${Date.now()}`);
  const upload = page.getByTestId("evidence-upload");
  await upload.locator('input[type="file"]').setInputFiles([
    { name: "现场照片-夜间-01.png", mimeType: "image/png", buffer: png },
    { name: "检测报告.pdf", mimeType: "application/pdf", buffer: pdf },
  ]);
  await upload.getByRole("button", { name: zh("evidenceItems.upload.submit"), exact: true }).click();
  const progress = upload.locator("progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("value", "100");
  await expect(upload.getByTestId("upload-progress-text")).toHaveText(/^100% · [\d.]+ (KB|MB)\/s$/);
  await expect(upload.getByText(zh("evidenceItems.upload.done").replace("{count}", "2"))).toBeVisible();

  // Both files listed with type and SHA-256 (short, full in the title), and two 'uploaded' events.
  const files = page.getByTestId("evidence-files");
  for (const [name, type, bytes] of [
    ["现场照片-夜间-01.png", "image/png", png],
    ["检测报告.pdf", "application/pdf", pdf],
  ] as const) {
    const row = files.locator("tr[data-file-id]", { hasText: name });
    await expect(row).toContainText(type);
    const hash = sha256(bytes);
    await expect(row.locator(`code[data-sha256="${hash}"]`)).toHaveText(`${hash.slice(0, 12)}…`);
  }
  await expect(timeline.locator('li[data-action="uploaded"]')).toHaveCount(2);
  await expect(timeline.locator('li[data-action="uploaded"]').first()).toContainText(zh("custodyAction.uploaded"));
  await expect(timeline).toContainText("检测报告.pdf");
  await screenshot(page, testInfo, "evidence-item");

  // Verify re-hashes both files: the result is shown, and each file gets a 'verified' event.
  await page.getByRole("button", { name: zh("evidenceFiles.verify.button") }).click();
  await expect(page.getByRole("status").filter({ hasText: "SHA-256" })).toContainText(zh("evidenceFiles.verify.allOk").replace("{count}", "2"));
  await expect(timeline.locator('li[data-action="verified"]')).toHaveCount(2);
});

test("a refused upload shows the server's message beside the form", async ({ page }) => {
  const caseId = investigatingCase();
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/cases/${caseId}/evidence`);
  await page.getByRole("link", { name: "舂陵江支流养殖场排污口现场照片", exact: true }).click();
  const upload = page.getByTestId("evidence-upload");
  await upload.locator('input[type="file"]').setInputFiles([{ name: "空白.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) }]);
  await upload.getByRole("button", { name: zh("evidenceItems.upload.submit"), exact: true }).click();
  // An empty file answers 400 with its message in the user's language.
  await expect(upload.getByRole("alert")).toContainText(zh("evidenceItems.upload.empty"));
  await expect(upload.getByRole("alert")).toContainText("400");
});

test("a prosecutor edits an item with personal data and uploads a redacted copy next to its original", async ({ page }, testInfo) => {
  const caseId = investigatingCase();
  const title = `县农业农村局移交的养殖户名册（${testInfo.project.name}-${Date.now() % 1_000_000}）`;
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/cases/${caseId}/evidence/new`);
  await page.getByLabel(zh("evidenceItems.form.kind"), { exact: true }).selectOption("documentary");
  await page.getByLabel(zh("evidenceItems.form.source"), { exact: true }).selectOption("agency_handover");
  await page.getByLabel(zh("evidenceItems.form.title"), { exact: true }).fill(title);
  await page.getByLabel(zh("evidenceItems.form.sourceNote"), { exact: true }).fill("县农业农村局");
  await page.getByRole("radio", { name: zh("evidenceItems.original.copy") }).check();
  await settleFocus(page);
  await page.getByRole("button", { name: zh("evidenceItems.form.create"), exact: true }).click();
  await expect(page).toHaveURL(/\?created=1$/);
  await expect(page.getByTestId("custody-timeline").locator('li[data-action="received"]')).toHaveCount(1);

  // Edit: an emptied title is refused; then it holds personal data, saved.
  await page.getByRole("link", { name: zh("evidenceItems.edit.link"), exact: true }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const titleField = page.getByLabel(zh("evidenceItems.form.title"), { exact: true });
  await titleField.fill("");
  await page.getByRole("button", { name: zh("evidenceItems.form.save"), exact: true }).click();
  await expect(page.getByText(zh("validation.required"))).toBeVisible();
  await titleField.fill(`${title}（含身份信息）`);
  await page.getByLabel(zh("evidenceItems.form.containsPersonal")).check();
  await page.getByRole("button", { name: zh("evidenceItems.form.save"), exact: true }).click();
  await expect(page).toHaveURL(/\?saved=1$/);
  await expect(page.getByText(zh("evidenceItems.saved"))).toBeVisible();
  await expect(page.getByText(`${title}（含身份信息）`)).toBeVisible();

  // The original, then its redacted copy from the action beside it.
  const upload = page.getByTestId("evidence-upload");
  await upload.locator('input[type="file"]').setInputFiles([{ name: "养殖户名册.pdf", mimeType: "application/pdf", buffer: pdfBytes(`roster ${Date.now()}`) }]);
  await upload.getByRole("button", { name: zh("evidenceItems.upload.submit"), exact: true }).click();
  await expect(upload.getByTestId("upload-progress-text")).toHaveText(/^100% /);
  const files = page.getByTestId("evidence-files");
  await expect(files.locator("tr[data-file-id]", { hasText: "养殖户名册.pdf" })).toHaveCount(1);
  await files.locator("summary", { hasText: zh("evidenceItems.file.uploadRedacted") }).click();
  const redacted = files.locator('form[data-testid^="upload-redacted-"]');
  await redacted.locator('input[type="file"]').setInputFiles([{ name: "养殖户名册（脱敏）.pdf", mimeType: "application/pdf", buffer: pdfBytes(`redacted ${Date.now()}`) }]);
  await redacted.getByRole("button", { name: zh("evidenceItems.upload.submit"), exact: true }).click();
  await expect(files.locator("tr[data-file-id]", { hasText: "养殖户名册（脱敏）.pdf" })).toContainText(
    zh("evidenceItems.file.redactionOf").replace("{name}", "养殖户名册.pdf"),
  );
});
