import { expect, test } from "@playwright/test";
import { isPhone, settleFocus, signIn, signOut, zh } from "#tests/e2e/support";

// A prosecutor works 2026-行公-007 (filed, 立案决定书 not yet served) from its case page: sees the
// overdue service deadline that /deadlines lists, takes next steps without approval (filed →
// investigating → recommending; an empty reason is refused first), records a consultation, drafts
// a recommendation with three points (one moved up; submitting without points is refused first),
// submits it and sees it awaiting approval. The steps change the shared demo case, so they run in
// order, once (desktop project).

test.describe.configure({ mode: "serial" });

test("a prosecutor moves a case, consults, drafts and submits a recommendation from the case page", async ({ page }, testInfo) => {
  test.skip(isPhone(testInfo), "changes the shared demo case; runs once, on desktop");
  test.setTimeout(120_000);
  await signIn(page, "prosecutor");
  await expect(page).toHaveURL(/\/work$/);

  // /deadlines lists the overdue service; its case page shows it too, with the explained steps.
  await page.goto("/deadlines");
  await page.getByRole("link", { name: "2026-行公-007", exact: true }).first().click();
  await expect(page).toHaveURL(/\/cases\/[^/]+$/);
  const caseUrl = page.url();
  const due = page.locator("#deadlines");
  await expect(due).toContainText(zh("deadlines.rule.filing_decision_service"));
  await expect(due.getByText(zh("deadlines.how")).first()).toBeVisible();

  // Next step without approval: the empty reason is refused, then filed → investigating.
  const toInvestigating = page.getByRole("form", { name: zh("caseState.investigating") });
  await toInvestigating.getByRole("button").click();
  await expect(toInvestigating.getByText(zh("casepage.validation.reason"))).toBeVisible();
  await toInvestigating.getByLabel(zh("casepage.steps.reason")).fill("制定调查方案，开展调查核实");
  await toInvestigating.getByRole("button").click();
  await expect(page.getByRole("status").first()).toContainText(zh("casepage.steps.moved").replace("{state}。", ""));
  await expect(page.locator(".case-header")).toContainText(zh("caseState.investigating"));

  // investigating → recommending (the case has evidence: 规则 Arts 71, 75).
  const toRecommending = page.getByRole("form", { name: zh("caseState.recommending") });
  await toRecommending.getByLabel(zh("casepage.steps.reason")).fill("调查终结，拟制发检察建议");
  await toRecommending.getByRole("button").click();
  await expect(page.locator(".case-header")).toContainText(zh("caseState.recommending"));

  // A consultation (磋商, 规则 Art 70), by meeting, with minutes.
  await page.locator("nav.case-sections").getByRole("link", { name: new RegExp(zh("cases.section.consultations")) }).click();
  await expect(page).toHaveURL(/\/consultations$/);
  await page.getByLabel(zh("casepage.consultation.place"), { exact: true }).fill("县市场监管局三楼会议室");
  await page.getByLabel(zh("casepage.consultation.attendees"), { exact: true }).fill("检察官 林晓燕；县市场监管局副局长 龚建平");
  await page.getByLabel(zh("casepage.consultation.facts"), { exact: true }).fill("校园周边小卖部销售“三无”食品，县市场监管局未查处。");
  await page.getByLabel(zh("casepage.consultation.agencyPosition"), { exact: true }).fill("认可事实，同意整改。");
  await page.getByLabel(zh("casepage.consultation.plan"), { exact: true }).fill("一个月内开展校园周边食品安全专项检查。");
  await page.getByLabel(zh("casepage.consultation.minutes"), { exact: true }).fill("双方就整改方案达成一致。");
  await page.getByRole("button", { name: zh("casepage.consultation.save") }).click();
  await expect(page.getByRole("status").first()).toContainText(zh("casepage.consultation.saved"));
  await expect(page.locator("#consultations")).toContainText("双方就整改方案达成一致。");

  // The recommendation draft.
  await page.locator("nav.case-sections").getByRole("link", { name: new RegExp(zh("cases.section.recommendations")) }).click();
  await expect(page).toHaveURL(/\/recommendation$/);
  await page.getByLabel(zh("casepage.rec.facts"), { exact: true }).fill("县城多所中小学校周边小卖部销售“三无”食品。");
  await page.getByLabel(zh("casepage.rec.reasons"), { exact: true }).fill("县市场监管局负有食品安全监管职责，未依法查处。");
  await page.getByLabel(zh("casepage.rec.legalBasis"), { exact: true }).fill("《中华人民共和国食品安全法》第一百一十条");
  await page.getByLabel(zh("casepage.rec.replyPeriod"), { exact: true }).selectOption("fifteen_days");
  await page.getByLabel(zh("casepage.rec.objectionDays"), { exact: true }).fill("10");
  await page.getByLabel(zh("casepage.rec.ccList"), { exact: true }).fill("桂阳县人民政府");
  await page.getByRole("button", { name: zh("casepage.rec.create") }).click();
  await expect(page.getByRole("status").first()).toContainText(zh("casepage.rec.saved"));

  // Submitting without a point is refused (规则 Art 75).
  await page.getByRole("button", { name: zh("casepage.rec.submit"), exact: true }).click();
  await expect(page.getByText(zh("casepage.guard.points"))).toBeVisible();

  for (const text of ["开展校园周边食品安全专项检查", "依法查处销售“三无”食品的经营者", "建立校园周边食品安全长效监管机制"]) {
    await page.getByLabel(zh("casepage.rec.addPoint"), { exact: true }).fill(text);
    await page.getByRole("button", { name: zh("casepage.rec.addPoint"), exact: true }).click();
    await expect(page.locator("form.point-form textarea").last()).toHaveValue(text);
  }
  await expect(page.locator("form.point-form")).toHaveCount(3);
  await page.locator("form.point-form").nth(2).getByRole("button", { name: zh("casepage.rec.moveUp") }).click();
  await expect(page.locator("form.point-form").nth(1).locator("textarea")).toHaveValue("建立校园周边食品安全长效监管机制");
  await expect(page.locator("form.point-form").nth(2).locator("textarea")).toHaveValue("依法查处销售“三无”食品的经营者");

  await page.getByRole("button", { name: zh("casepage.rec.submit"), exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText(zh("casepage.rec.submitted"));
  await expect(page.locator("#recommendations")).toContainText(zh("casepage.rec.awaiting"));
  await expect(page.locator("form.point-form")).toHaveCount(0);
  await expect(page.locator("ol.points li").nth(1)).toHaveText("建立校园周边食品安全长效监管机制");

  // The overview shows the request as awaiting approval.
  await page.goto(caseUrl);
  await expect(page.locator("#next-steps")).toContainText(
    zh("casepage.steps.awaiting").replace("{kind}", zh("approvalKind.recommendation")),
  );

  // The chief approves: the letter gets its 文号, the case is in rectification, and the case page
  // shows the 3 days to serve it (规则 Art 76).
  await signOut(page);
  await signIn(page, "chief");
  await expect(page).toHaveURL(/\/approvals$/);
  await page.getByRole("row").filter({ hasText: "2026-行公-007" }).getByRole("link", { name: /^提请制发检察建议/ }).first().click();
  await page.getByLabel(zh("approvals.decide.approve"), { exact: true }).check();
  await settleFocus(page);
  await page.getByRole("button", { name: zh("approvals.decide.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\?decided=approved$/);
  const number = (await page.getByTestId("approval-applied").textContent())?.match(/桂检行公建〔\d{4}〕\d+号/)?.[0];
  expect(number).toBeTruthy();
  await page.goto(caseUrl);
  await expect(page.locator(".case-header")).toContainText(zh("caseState.rectification"));
  await expect(page.locator("#deadlines")).toContainText(zh("deadlines.rule.recommendation_service"));
  await page.locator("nav.case-sections").getByRole("link", { name: new RegExp(zh("cases.section.recommendations")) }).click();
  await expect(page.locator("#recommendations")).toContainText(number!);
});
