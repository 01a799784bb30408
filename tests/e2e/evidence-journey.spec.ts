import { createHash } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { seedHearingWithPanelist } from "#tests/e2e/evidence-support";
import { DEMO, settleFocus, signIn, signOut, zh } from "#tests/e2e/support";
import { pdfBytes, pngBytes } from "#tests/support/evidence-files";

// Issue 8's "done when" journey in one browser run: a prosecutor registers two evidence items on a
// case that is on a planned hearing (not yet in deliberation), uploads a photo to one and a PDF to
// the other through the upload form with the progress bar at 100% (percentage and speed), previews
// both inline, and on the hearing's evidence tab discloses only the photo; the demo panelist, seated
// on that hearing, previews the photo from the panel portal (200) and gets 404 for the PDF's URL;
// the agency liaison gets 404 for both. Disclosure is per item, hence one file per item. The case
// and hearing are written into the e2e database (seedHearingWithPanelist); everything after that
// goes through the UI. SVG and other types as attachments: tests/e2e/evidence-files.spec.ts.

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Registers an item through the new-item form (two collectors, 规则 Art 36) and lands on its page. */
async function registerItem(page: Page, item: { kind: string; title: string; place: string }) {
  await page.getByRole("link", { name: zh("evidenceItems.new.link"), exact: true }).click();
  await expect(page).toHaveURL(/\/evidence\/new$/);
  await page.getByLabel(zh("evidenceItems.form.kind"), { exact: true }).selectOption(item.kind);
  await page.getByLabel(zh("evidenceItems.form.source"), { exact: true }).selectOption("collected");
  await page.getByLabel(zh("evidenceItems.form.title"), { exact: true }).fill(item.title);
  await page.getByLabel(zh("evidenceItems.form.collectedPlace"), { exact: true }).fill(item.place);
  await page.getByRole("group", { name: zh("evidenceItems.form.collectors") }).getByRole("checkbox", { checked: false }).first().check();
  await settleFocus(page);
  await page.getByRole("button", { name: zh("evidenceItems.form.create"), exact: true }).click();
  await expect(page).toHaveURL(/\/evidence\/[^/?]+\?created=1$/);
  await expect(page.getByText(item.title)).toBeVisible();
}

/** Uploads one file through the item page's form; the bar reaches 100% with percentage and speed. Returns its file id. */
async function upload(page: Page, file: Upload): Promise<string> {
  const form = page.getByTestId("evidence-upload");
  await form.locator('input[type="file"]').setInputFiles([file]);
  await form.getByRole("button", { name: zh("evidenceItems.upload.submit"), exact: true }).click();
  const progress = form.locator("progress");
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("value", "100");
  await expect(form.getByTestId("upload-progress-text")).toHaveText(/^100% · [\d.]+ (B|KB|MB|GB)\/s$/);
  await expect(form.getByText(fill(zh("evidenceItems.upload.done"), { count: 1 }))).toBeVisible();
  const row = page.getByTestId("evidence-files").locator("tr[data-file-id]", { hasText: file.name });
  await expect(row).toContainText(file.mimeType);
  await expect(row.locator(`code[data-sha256="${sha256(file.buffer)}"]`)).toBeVisible();
  await expect(page.getByTestId("custody-timeline").locator('li[data-action="uploaded"]')).toHaveCount(1);
  return (await row.getAttribute("data-file-id"))!;
}

/** Clicks the file's link on the item page: it opens inline in this tab with its sniffed type and the sandboxing headers. */
async function previewFromItemPage(page: Page, file: Upload, fileId: string) {
  const itemPage = page.url();
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/evidence/files/${fileId}`);
  // Inline means no download (an attachment would start one and abort the navigation).
  const download = page.waitForEvent("download", { timeout: 5_000 }).catch(() => null);
  await page.getByTestId("evidence-files").getByRole("link", { name: file.name, exact: true }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  const headers = await response.allHeaders();
  expect(headers["content-type"]).toBe(file.mimeType);
  expect(headers["content-disposition"]).toMatch(/^inline; /);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Nothing may load or run in our origin; every type but PDF is sandboxed too (a PDF cannot be:
  // Chromium refuses its viewer in a sandboxed document; app/domain/evidence/file-serving.ts).
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
  if (file.mimeType !== "application/pdf") expect(headers["content-security-policy"]).toMatch(/^sandbox; /);
  // The bytes served are the bytes uploaded (fetched again: Chromium's PDF viewer takes the body).
  expect((await (await page.request.get(`/evidence/files/${fileId}`)).body()).equals(file.buffer)).toBe(true);
  await expect(page).toHaveURL(new RegExp(`/evidence/files/${fileId}$`));
  if (file.mimeType.startsWith("image/")) {
    // Chromium shows it as an image document, decoded at its size.
    const img = page.locator("img");
    await expect(img).toBeVisible();
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  } else {
    // Chromium's PDF viewer: the tab's document is the PDF itself (its viewer's synthetic page).
    expect(await page.evaluate(() => document.contentType)).toBe("application/pdf");
    expect(await download).toBeNull();
  }
  await page.goto(itemPage);
  // The preview is in the chain of custody ('viewed', once a day per user and file).
  await expect(page.getByTestId("custody-timeline").locator('li[data-action="viewed"]')).toHaveCount(1);
}

async function signedIn(page: Page, role: "prosecutor" | "panelist" | "agency") {
  await signIn(page, DEMO[role].username);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].home}$`));
}

function tagOf(testInfo: TestInfo) {
  return `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
}

test("a photo and a PDF uploaded with progress and previewed; only the photo disclosed; the panelist sees the photo alone, the liaison neither", async ({
  page,
  browser,
}, testInfo) => {
  const s = seedHearingWithPanelist(tagOf(testInfo));
  const photo: Upload = { name: "排污口现场照片-01.png", mimeType: "image/png", buffer: pngBytes(40, 30, Date.now() % 251) };
  const report: Upload = { name: "水质检测报告.pdf", mimeType: "application/pdf", buffer: pdfBytes(`Procura journey ${s.caseId}`) };
  const photoTitle = "养殖场排污口现场照片";
  const reportTitle = "排污口下游水质检测报告";

  // ── The prosecutor: two items, one file each, previewed. ──
  await signedIn(page, "prosecutor");
  await page.goto(`/cases/${s.caseId}/evidence`);
  await registerItem(page, { kind: "audiovisual", title: photoTitle, place: "舂陵江支流某养殖场排污口" });
  const photoId = await upload(page, photo);
  await previewFromItemPage(page, photo, photoId);

  await page.getByRole("link", { name: zh("evidenceItems.item.back"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${s.caseId}/evidence$`));
  await registerItem(page, { kind: "appraisal", title: reportTitle, place: "排污口下游 500 米断面" });
  const reportId = await upload(page, report);
  await previewFromItemPage(page, report, reportId);

  // ── Disclosure on the hearing's evidence tab: the photo's item only. ──
  await page.goto(`/hearings/${s.hearingId}`);
  await page.getByRole("navigation", { name: zh("hearings.tab.nav") }).getByRole("link", { name: new RegExp(`^${zh("hearings.tab.evidence")}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/hearings/${s.hearingId}/evidence$`));
  const box = (title: string) => page.getByRole("checkbox", { name: fill(zh("evidenceDisclosure.discloseItem"), { title }) });
  await expect(box(photoTitle)).not.toBeChecked();
  await expect(box(reportTitle)).not.toBeChecked();
  await box(photoTitle).check();
  await page.getByRole("button", { name: zh("evidenceDisclosure.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: fill(zh("evidenceDisclosure.saved"), { added: 1, withdrawn: 0 }) })).toBeVisible();
  await expect(box(photoTitle)).toBeChecked();
  await expect(box(reportTitle)).not.toBeChecked();
  await signOut(page);

  // ── The seated panelist: the photo from the portal, 404 for the PDF. ──
  await signedIn(page, "panelist");
  await page.goto(`/panel/hearings/${s.hearingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(s.hearingTitle);
  await expect(page.getByText(photoTitle)).toBeVisible();
  await expect(page.getByText(reportTitle)).toHaveCount(0);
  const previewLink = page.getByRole("link", { name: fill(zh("evidenceDisclosure.panel.previewOf"), { name: photo.name }) });
  const [tab, shown] = await Promise.all([
    page.context().waitForEvent("page"),
    page.context().waitForEvent("response", (r) => new URL(r.url()).pathname === `/evidence/files/${photoId}`),
    previewLink.click(),
  ]);
  expect(shown.status()).toBe(200);
  expect(shown.headers()["content-type"]).toBe("image/png");
  expect(shown.headers()["content-disposition"]).toMatch(/^inline; /);
  await expect(tab.locator("img")).toBeVisible();
  expect(await tab.locator("img").evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([40, 30]);
  await tab.close();
  const refusedPdf = await page.goto(`/evidence/files/${reportId}`);
  expect(refusedPdf?.status()).toBe(404);
  expect(refusedPdf?.headers()["content-type"]).not.toBe("application/pdf");
  const refusedDownload = await page.request.get(`/evidence/files/${reportId}?download=1`);
  expect(refusedDownload.status()).toBe(404);

  // ── The agency liaison, in a browser of its own: 404 for both. ──
  const liaisonContext = await browser.newContext();
  const liaison = await liaisonContext.newPage();
  await signedIn(liaison, "agency");
  for (const id of [photoId, reportId]) {
    const refused = await liaison.goto(`/evidence/files/${id}`);
    expect(refused?.status()).toBe(404);
    expect((await liaison.request.get(`/evidence/files/${id}?download=1`)).status()).toBe(404);
  }
  await liaisonContext.close();
});
