import { expect, test } from "@playwright/test";
import { seedApprovedRecommendation } from "#tests/e2e/agency-reply-support";
import { png } from "#tests/e2e/evidence-support";
import { isPhone, signIn, zh } from "#tests/e2e/support";

// Issue 11 items 1–3 in the browser: the prosecutor serves an approved recommendation (a 留置
// without a witness is refused first), invites the agency's new liaison from the success state;
// the liaison signs up through the link, answers three points (one with a photo), saves a draft,
// submits, sees the receipt, and finds the reply read-only.

test("serve, invite, answer three points with a photo, submit, receipt, read-only", async ({ page, browser }, testInfo) => {
  test.skip(isPhone(testInfo), "the journey writes to the shared demo database; the desktop project runs it once");
  const seeded = seedApprovedRecommendation();
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);
  await page.goto(`/cases/${seeded.caseId}/serve`);

  // Refusal: 留置 without a witness.
  await page.getByLabel(zh("agencyReply.service.method"), { exact: true }).selectOption({ label: zh("serviceMethod.leaving") });
  await page.getByLabel(zh("agencyReply.service.place")).fill("县水利局办公室");
  await page.getByLabel(zh("agencyReply.service.serverName"), { exact: true }).fill("李检察官");
  await page.getByLabel(zh("agencyReply.service.refusalReason")).fill("拒绝签收");
  await page.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(page.getByText(zh("agencyReply.service.witnessRequired"))).toBeVisible();

  // Direct service, signed for.
  await page.getByLabel(zh("agencyReply.service.method"), { exact: true }).selectOption({ label: zh("serviceMethod.direct") });
  await page.getByLabel(zh("agencyReply.service.refusalReason")).fill("");
  await page.getByLabel(zh("agencyReply.service.signedBy")).fill("赵局长");
  await page.getByRole("button", { name: zh("agencyReply.service.submit") }).click();
  await expect(page.getByTestId("service-recorded")).toBeVisible();

  // No liaison yet: the invitation link.
  await page.getByLabel(zh("agencyReply.service.liaisonName")).fill("周联络");
  await page.getByRole("button", { name: zh("agencyReply.service.invite") }).click();
  const link = await page.getByLabel(zh("admin.invite.link")).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);

  const context = await browser.newContext();
  const liaison = await context.newPage();
  await liaison.goto(link);
  await liaison.getByLabel(zh("invite.username")).fill(`liaison-${Date.now()}`);
  await liaison.getByLabel(/^密码/).first().fill("a-long-enough-secret");
  await liaison.getByLabel(zh("invite.confirm")).fill("a-long-enough-secret");
  await liaison.getByRole("button", { name: zh("invite.submit") }).click();
  await expect(liaison).toHaveURL(/\/agency$/);

  await liaison.goto(`/agency/recommendations/${seeded.recommendationId}/reply`);
  const point = (n: number) => liaison.getByTestId(`point-${n}`);
  await point(1).getByLabel(zh("agencyReply.reply.status")).selectOption("done");
  await point(1).getByLabel(zh("agencyReply.reply.text")).fill("垃圾已清理完毕");
  await point(2).getByLabel(zh("agencyReply.reply.status")).selectOption("in_progress");
  await point(2).getByLabel(zh("agencyReply.reply.text")).fill("警示标志正在制作");
  await point(2).getByLabel(zh("agencyReply.reply.plan")).fill("十二月底前设置完毕");
  await point(2).getByLabel(zh("agencyReply.reply.targetOn")).fill("2026-12-31");
  await point(3).getByLabel(zh("agencyReply.reply.status")).selectOption("not_done");
  await point(3).getByLabel(zh("agencyReply.reply.text")).fill("需要编制经费");
  await liaison.getByLabel(zh("agencyReply.reply.summary")).fill("已逐项整改");
  await liaison.getByRole("button", { name: zh("agencyReply.reply.save") }).click();
  await expect(liaison.getByText(zh("agencyReply.reply.saved"))).toBeVisible();

  // A photo for point 1, with time and place.
  await point(1).getByLabel(zh("agencyReply.attach.file")).setInputFiles({ name: "河道.png", mimeType: "image/png", buffer: png(8, 8, [30, 120, 200]) });
  await point(1).getByLabel(zh("agencyReply.attach.takenAt")).fill("2026-11-28T10:30");
  await point(1).getByLabel(zh("agencyReply.attach.place")).fill("东河桥下");
  await point(1).getByRole("button", { name: zh("agencyReply.attach.upload") }).click();
  await expect(liaison.getByText(zh("agencyReply.attach.uploaded"))).toBeVisible();
  await expect(point(1).getByRole("link", { name: "河道.png" })).toBeVisible();
  // The draft survived the upload.
  await expect(point(3).getByLabel(zh("agencyReply.reply.text"))).toHaveValue("需要编制经费");

  await liaison.getByRole("button", { name: zh("agencyReply.reply.submit") }).click();
  await expect(liaison).toHaveURL(/\/receipt$/);
  await expect(liaison.getByTestId("reply-receipt")).toContainText("回执");

  await liaison.goto(`/agency/recommendations/${seeded.recommendationId}/reply`);
  await expect(liaison.getByTestId("reply-read-only")).toBeVisible();
  await expect(liaison.getByRole("button", { name: zh("agencyReply.reply.submit") })).toHaveCount(0);
  await expect(point(1).getByLabel(zh("agencyReply.reply.status"))).toBeDisabled();
  await context.close();
});
