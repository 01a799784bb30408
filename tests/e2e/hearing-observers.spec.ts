import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { DEMO, screenshot, signIn, zh } from "#tests/e2e/support";

// The public observer sign-up (旁听申请) and the staff's decision on each request: a member of the
// public signs up on the announcement page; a prosecutor accepts one on the hearing page and
// declines another; a panelist or an agency liaison cannot reach the decision.

const HEARING_TITLE = "舂陵江桂阳段畜禽养殖废水污染问题公开听证";
// Per-run numbers, so that a retry signs up new people rather than repeating the first run's.
const suffix = String(Date.now()).slice(-4);
const accepted = { name: `旁听甲${suffix}`, typed: `+86 139 0735 ${suffix}`, canonical: `1390735${suffix}` };
const declined = { name: `旁听乙${suffix}`, typed: `0086-137-0735-${suffix}`, canonical: `1370735${suffix}` };

async function signUp(page: Page, person: { name: string; typed: string }) {
  await page.goto("/public");
  await page.getByRole("link", { name: HEARING_TITLE }).first().click();
  await page.getByLabel(zh("portal.public.name")).fill(person.name);
  await page.getByLabel(zh("portal.public.phone")).fill(person.typed);
  await page.getByRole("button", { name: zh("portal.public.submit") }).click();
  await expect(page.getByRole("status").filter({ hasText: zh("portal.public.submitted") })).toBeVisible();
}

test("a member of the public signs up; a prosecutor accepts one request and declines another", async ({ browser, page }, testInfo) => {
  // The public side: no sign-in. A phone field takes only a phone number. The visitor comes from
  // an address of its own (through the trusted local proxy header), so runs on several projects
  // or retries against one server do not add up to the per-address sign-up limit.
  const address = `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } });
  const visitor = await context.newPage();
  await visitor.goto("/public");
  await visitor.getByRole("link", { name: HEARING_TITLE }).first().click();
  await visitor.getByLabel(zh("portal.public.name")).fill("日期当电话");
  await visitor.getByLabel(zh("portal.public.phone")).fill("2023-02-30");
  await visitor.getByRole("button", { name: zh("portal.public.submit") }).click();
  await expect(visitor.getByText(zh("validation.phone"))).toBeVisible();
  await signUp(visitor, accepted);
  await signUp(visitor, declined);
  await context.close();

  // The staff side: the hearing page's observers tab shows both, with the canonical numbers.
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  await page.goto("/hearings");
  await page.getByRole("link", { name: HEARING_TITLE }).first().click();
  await page.getByRole("link", { name: new RegExp(`^${zh("hearings.tab.observers")}`) }).click();
  await expect(page).toHaveURL(/\/hearings\/[^/]+\/observers$/);
  const rowOf = (name: string) => page.getByRole("row").filter({ hasText: name });
  await expect(rowOf(accepted.name)).toContainText(accepted.canonical);
  await expect(rowOf(declined.name)).toContainText(declined.canonical);
  await expect(rowOf(accepted.name)).toContainText(zh("hearings.observerStatus.pending"));

  await rowOf(accepted.name).getByRole("button", { name: zh("hearings.observers.accept"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: accepted.name })).toBeVisible();
  await expect(rowOf(accepted.name)).toContainText(zh("hearings.observerStatus.accepted"));

  await rowOf(declined.name).getByLabel(zh("hearings.observers.reason")).fill("旁听席位已按报名先后安排");
  await rowOf(declined.name).getByRole("button", { name: zh("hearings.observers.decline"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: declined.name })).toBeVisible();
  await expect(rowOf(declined.name)).toContainText(zh("hearings.observerStatus.declined"));
  await expect(rowOf(declined.name)).toContainText("旁听席位已按报名先后安排");
  // A declined request is final: no buttons are left on its row.
  await expect(rowOf(declined.name).getByRole("button")).toHaveCount(0);
  await screenshot(page, testInfo, "hearing-observers");

  // The other tabs still carry the page's information.
  await page.getByRole("link", { name: new RegExp(`^${zh("hearings.tab.panel")}`) }).click();
  await expect(page.getByRole("heading", { name: zh("hearings.panel"), exact: true })).toBeVisible();
  await page.getByRole("link", { name: zh("hearings.tab.overview") }).click();
  await expect(page.getByRole("heading", { name: zh("hearings.facts") })).toBeVisible();
});

for (const role of ["panelist", "agency"] as const) {
  test(`a ${role} cannot reach the observer decisions (GET and POST answer 403)`, async ({ page }) => {
    // The hearing's id, as a prosecutor sees it.
    await signIn(page, DEMO.prosecutor.username);
    await expect(page).toHaveURL(/\/work$/);
    await page.goto("/hearings");
    await page.getByRole("link", { name: HEARING_TITLE }).first().click();
    await expect(page).toHaveURL(/\/hearings\/[^/]+$/);
    const url = `${new URL(page.url()).pathname}/observers`;
    await page.context().clearCookies();

    await signIn(page, DEMO[role].username);
    await expect(page).toHaveURL(new RegExp(`${DEMO[role].home}$`));
    const get = await page.goto(url);
    expect(get?.status()).toBe(403);
    const origin = new URL(page.url()).origin;
    const post = await page.request.post(url, {
      headers: { Origin: origin },
      form: { requestId: "x", decision: "accepted" },
    });
    expect(post.status()).toBe(403);
  });
}
