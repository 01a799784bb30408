import { expect, test } from "@playwright/test";
import { DEMO, isPhone, signIn, zh } from "#tests/e2e/support";

// The Content-Security-Policy (app/utils/security-headers.server.ts): a fresh nonce per response,
// carried by every inline script Remix renders; nothing else inline may run, yet the app hydrates.

const nonceOf = (csp: string | null) => /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

test("the CSP nonce matches the inline scripts' nonce and changes per request", async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/login");
    expect(response.status()).toBe(200);
    const csp = response.headers()["content-security-policy"] ?? null;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scriptSrc = /script-src ([^;]*)/.exec(csp ?? "")?.[1] ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    const nonce = nonceOf(csp);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const html = await response.text();
    // Every inline script (no src) carries exactly this response's nonce.
    const inline = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!).filter((attrs) => !/\bsrc=/.test(attrs));
    expect(inline.length).toBeGreaterThanOrEqual(2);
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce}"`);
    nonces.push(nonce!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("under the CSP the app hydrates and navigates on the client, with no violation", async ({ page }, testInfo) => {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await signIn(page, DEMO.prosecutor.username);
  await expect(page).toHaveURL(/\/work$/);
  // Hydrated: Remix's router is running in the page.
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
  // A client-side navigation fetches `.data`, not a new document.
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  const data = page.waitForResponse((r) => r.url().includes(".data"));
  // Phones navigate from the menu, which is a client-side navigation too.
  if (isPhone(testInfo)) await page.getByText(zh("nav.menu"), { exact: true }).click();
  await page.getByRole("link", { name: zh("nav.clues"), exact: true }).first().click();
  await data;
  await expect(page).toHaveURL(/\/clues$/);
  expect(documents).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
  expect(violations).toEqual([]);
});
