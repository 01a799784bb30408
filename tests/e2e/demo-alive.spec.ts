import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { screenshot, signIn, zh } from "#tests/e2e/support";

// The demo as a fresh install shows it: the server seeds on its first start, dated from that day
// (docs/decisions/0011-dates-and-a-living-demo.md). These checks hold whatever day the suite runs.

const RECENT_HEARING_TITLE = "舂陵江桂阳段畜禽养殖废水污染问题公开听证";

async function useEnglish(page: Page, testInfo: TestInfo) {
  await page.context().addCookies([{ name: "procura_locale", value: "en", url: testInfo.project.use.baseURL! }]);
}

const letterSpacing = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).letterSpacing);

test("the demo panelist 刘振华 sits on the coming public hearing", async ({ page }, testInfo) => {
  await signIn(page, "panelist");
  await expect(page).toHaveURL(/\/panel$/);
  const link = page.getByRole("link", { name: RECENT_HEARING_TITLE });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(RECENT_HEARING_TITLE);
  await expect(page.locator(".error-page")).toHaveCount(0);
  await screenshot(page, testInfo, "demo-panelist-hearing");
});

test("the agency sees a live reply countdown, with dates in one format", async ({ page }, testInfo) => {
  await signIn(page, "agency");
  await expect(page).toHaveURL(/\/agency$/);
  // The urgent recommendation's 15-day reply falls due a few days after the seed day.
  await expect(page.getByText(/^还剩 \d+ 天$/).first()).toBeVisible();
  const text = await page.locator("main").innerText();
  expect(text).not.toMatch(/\d{4}\/\d{2}\/\d{2}/);
  await screenshot(page, testInfo, "demo-agency-countdown");
});

test("letter-spaced headings only in Chinese", async ({ page }, testInfo) => {
  await signIn(page, "agency");
  await expect(page).toHaveURL(/\/agency$/);
  const href = await page.locator('a[href^="/agency/recommendations/"]').first().getAttribute("href");
  expect(href).toBeTruthy();

  await page.goto(href!);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.locator(".official-doc__title")).toHaveText(zh("portal.rec.docTitle"));
  expect(await letterSpacing(page, ".official-doc__title")).not.toBe("normal");

  await useEnglish(page, testInfo);
  await page.goto(href!);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".official-doc__title")).toHaveText("Procuratorial recommendation");
  expect(await letterSpacing(page, ".official-doc__title")).toBe("normal");
  expect(await letterSpacing(page, ".official-doc__org")).toBe("normal");
  await screenshot(page, testInfo, "official-doc-en");

  // The public 听证公告 page: the issuing procuratorate's line, spaced only in Chinese.
  await page.goto("/public");
  await page.getByRole("link", { name: RECENT_HEARING_TITLE }).click();
  expect(await letterSpacing(page, ".portal-announcement__org")).toBe("normal");
  await page.context().clearCookies({ name: "procura_locale" });
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await letterSpacing(page, ".portal-announcement__org")).not.toBe("normal");
});
