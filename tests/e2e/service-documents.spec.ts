import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { seedFiledCaseOfDemoAgency } from "#tests/e2e/agency-reply-support";
import { isPhone, signIn, signOut, zh } from "#tests/e2e/support";

// Issue 11 item 1 for documents other than the recommendation: the prosecutor issues the case's
// 立案决定书, which the agency's liaison cannot see; records its service through the service form
// (refused first: 留置 without a witness; and a second service from a page opened before the first);
// the liaison then finds it in the portal and downloads it. Then the recommendation letter: issued,
// hidden, released by the recommendation's service and downloadable from the portal's recommendation.

async function issue(page: Page, caseId: string, kind: string): Promise<string> {
  await page.goto(`/cases/${caseId}/documents`);
  const row = page.locator(`table.documents-make tbody tr[data-kind="${kind}"]`).first();
  await row.getByRole("button", { name: zh("documents.issue"), exact: true }).click();
  const issued = row.locator(".document-issue [role=status]");
  await expect(issued).toBeVisible();
  const href = await issued.getByRole("link", { name: zh("documents.download") }).getAttribute("href");
  return href!.split("/").pop()!;
}

/** Fills a service form's fields (scoped to the form). */
async function fill(form: ReturnType<Page["getByRole"]>, fields: { method: string; signedBy?: string; refusalReason?: string }) {
  await form.getByLabel(zh("agencyReply.service.method"), { exact: true }).selectOption({ label: zh(fields.method as Parameters<typeof zh>[0]) });
  await form.getByLabel(zh("agencyReply.service.place")).fill("县城管局办公室");
  await form.getByLabel(zh("agencyReply.service.serverName"), { exact: true }).fill("李检察官");
  await form.getByLabel(zh("agencyReply.service.signedBy")).fill(fields.signedBy ?? "");
  await form.getByLabel(zh("agencyReply.service.refusalReason")).fill(fields.refusalReason ?? "");
}

test("a served document reaches the agency only once its service is recorded", async ({ page, browser }, testInfo) => {
  test.skip(isPhone(testInfo), "the journey writes to the shared demo database; the desktop project runs it once");
  const seeded = seedFiledCaseOfDemoAgency();

  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  const filingId = await issue(page, seeded.caseId, "filing_decision");
  // Listed as waiting for its service, not as visible to the agency.
  await page.goto(`/cases/${seeded.caseId}/documents`);
  const listed = page.locator(`table.documents-issued tbody tr[data-document="${filingId}"]`);
  await expect(listed).toContainText(zh("documents.awaitingService").split("{")[0]!);

  // The liaison (another browser) cannot download it yet.
  const context = await browser.newContext();
  const liaison = await context.newPage();
  await signIn(liaison, "agency");
  await expect(liaison).toHaveURL(/\/agency$/);
  expect((await liaison.request.get(`/documents/${filingId}`)).status()).toBe(404);

  // A second tab with the form, opened before the service (for the refusal below).
  const stale = await page.context().newPage();
  await stale.goto(`/cases/${seeded.caseId}/serve`);

  // From the documents tab to the service form.
  await page.goto(`/cases/${seeded.caseId}/documents`);
  await listed.getByRole("link", { name: zh("documents.recordService") }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${seeded.caseId}/serve`));
  const form = page.getByRole("form", { name: zh("agencyReply.service.documentTitle") });
  await form.getByLabel(zh("agencyReply.service.document")).selectOption(filingId);
  // Refusal: 留置 without a witness.
  await fill(form, { method: "serviceMethod.leaving", refusalReason: "拒绝签收" });
  await form.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(form.getByText(zh("agencyReply.service.witnessRequired"))).toBeVisible();
  // Direct service, signed for.
  await fill(form, { method: "serviceMethod.direct", signedBy: "赵主任" });
  await form.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(page.getByTestId("service-recorded")).toContainText(zh("agencyReply.service.documentDone").slice(0, 5));
  await expect(page.getByText(zh("agencyReply.service.documentsNone"))).toBeVisible();

  // Refusal: the same document served again from the page opened before.
  const staleForm = stale.getByRole("form", { name: zh("agencyReply.service.documentTitle") });
  await staleForm.getByLabel(zh("agencyReply.service.document")).selectOption(filingId);
  await fill(staleForm, { method: "serviceMethod.direct", signedBy: "赵主任" });
  await staleForm.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(staleForm.getByText(zh("agencyReply.service.documentAlreadyServed"))).toBeVisible();
  await stale.close();

  // The service tab lists the service with its document.
  await page.goto(`/cases/${seeded.caseId}/service`);
  await expect(page.locator(`#services a[href="/documents/${filingId}"]`)).toBeVisible();

  // The liaison now finds it in the portal and downloads it.
  await liaison.goto("/agency/documents");
  const row = liaison.locator("table.agency-documents tbody tr", { hasText: seeded.caseTitle });
  await expect(row).toContainText(zh("documentKind.filing_decision"));
  const [download] = await Promise.all([liaison.waitForEvent("download"), row.getByRole("link", { name: /立案决定书/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);

  // The recommendation letter: issued and hidden, then released by the recommendation's service.
  const letterId = await issue(page, seeded.caseId, "recommendation");
  expect((await liaison.request.get(`/documents/${letterId}`)).status()).toBe(404);
  await page.goto(`/cases/${seeded.caseId}/serve`);
  const recForm = page.getByRole("form", { name: zh("agencyReply.service.title") });
  await fill(recForm, { method: "serviceMethod.direct", signedBy: "赵主任" });
  await recForm.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(page.getByTestId("service-recorded")).toContainText(seeded.number);
  await liaison.goto(`/agency/recommendations/${seeded.recommendationId}`);
  const [letter] = await Promise.all([
    liaison.waitForEvent("download"),
    liaison.getByRole("link", { name: new RegExp(zh("agencyReply.portal.downloadLetter").split("{")[0]!) }).click(),
  ]);
  expect(letter.suggestedFilename()).toMatch(/\.docx$/);
  await context.close();
  await signOut(page);
});
