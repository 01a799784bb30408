import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { png, seedPhoto } from "#tests/e2e/evidence-support";
import { DEMO, signIn } from "#tests/e2e/support";

// Evidence files in Chromium, through the production server (scripts/serve.mjs, with its
// compression middleware): a prosecutor previews a PNG inline and gets the demo seed's SVG site
// photos only as downloads; the agency liaison gets 404 for the same URLs; ranges arrive exactly
// and uncompressed. The PNG's item and file are written straight into the e2e server's database
// and data folder (playwright.config.ts: DATA_DIR=tests/.tmp/e2e).

const DATA_DIR = path.resolve("tests/.tmp/e2e");
const DB = path.join(DATA_DIR, "procura.db");

/** A site photo of the demo seed (an SVG of the prosecutor's procuratorate) and its bytes on disk. */
function demoSvg(): { id: string; name: string; bytes: Buffer } {
  const db = new Database(DB, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT f."id", f."originalName" AS name, f."sha256" FROM "EvidenceFile" f
         JOIN "Evidence" e ON e."id" = f."evidenceId" JOIN "Case" c ON c."id" = e."caseId"
         JOIN "User" u ON u."procuratorateId" = c."procuratorateId" AND u."username" = 'prosecutor'
         WHERE f."mimeType" = 'image/svg+xml' ORDER BY f."createdAt" LIMIT 1`,
      )
      .get() as { id: string; name: string; sha256: string };
    return { id: row.id, name: row.name, bytes: fs.readFileSync(path.join(DATA_DIR, "files", row.sha256.slice(0, 2), row.sha256)) };
  } finally {
    db.close();
  }
}

async function signedIn(page: Page, role: "prosecutor" | "agency") {
  await signIn(page, DEMO[role].username);
  await expect(page).toHaveURL(new RegExp(`${DEMO[role].home}$`));
}

test("a prosecutor previews a PNG inline and gets a demo SVG site photo only as a download; the liaison gets 404 for both", async ({ page, browser }) => {
  const photo = png(48, 32, [200, 60, 40]);
  const pngId = seedPhoto(photo, "现场照片-浏览器预览.png").fileId;
  const svg = demoSvg();
  await signedIn(page, "prosecutor");

  const preview = await page.goto(`/evidence/files/${pngId}`);
  expect(preview?.status()).toBe(200);
  const headers = preview!.headers();
  expect(headers["content-type"]).toBe("image/png");
  expect(headers["content-disposition"]).toMatch(/^inline; /);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
  // Chromium shows it as an image document, decoded at its size.
  const img = page.locator("img");
  await expect(img).toBeVisible();
  expect(await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight])).toEqual([48, 32]);

  // The SVG is never rendered in our origin: navigating to it starts a download.
  await page.goto("/work");
  const download = page.waitForEvent("download");
  await page.goto(`/evidence/files/${svg.id}`).catch(() => {}); // "Download is starting" aborts the navigation
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(svg.name);
  expect(fs.readFileSync(await saved.path()).equals(svg.bytes)).toBe(true);
  expect(page.url()).toMatch(/\/work$/);

  const liaison = await browser.newContext();
  const other = await liaison.newPage();
  await signedIn(other, "agency");
  for (const id of [pngId, svg.id]) {
    const refused = await other.goto(`/evidence/files/${id}`);
    expect(refused?.status()).toBe(404);
  }
  await expect(other.locator("body")).not.toContainText("<svg");
  await liaison.close();
});

test("through the production server: ranges arrive exact and uncompressed, while pages are compressed", async ({ page }) => {
  const svg = demoSvg();
  await signedIn(page, "prosecutor");
  const url = `/evidence/files/${svg.id}`;
  const gzip = { "Accept-Encoding": "gzip, deflate, br" };

  // The control: the server does compress (scripts/serve.mjs uses `compression`).
  const login = await page.request.get("/login", { headers: gzip });
  expect(login.headers()["content-encoding"]).toMatch(/^(gzip|br|deflate)$/);

  // The SVG leaves as application/octet-stream, a type `compression` would gzip, and is over its
  // 1 KiB threshold; Cache-Control: no-transform keeps the bytes as they are.
  const whole = await page.request.get(url, { headers: gzip });
  expect(whole.status()).toBe(200);
  expect(whole.headers()["content-encoding"]).toBeUndefined();
  expect(whole.headers()["accept-ranges"]).toBe("bytes");
  expect(whole.headers()["content-length"]).toBe(String(svg.bytes.length));
  expect((await whole.body()).equals(svg.bytes)).toBe(true);

  const first = await page.request.get(url, { headers: { ...gzip, Range: "bytes=0-99" } });
  expect(first.status()).toBe(206);
  expect(first.headers()["content-encoding"]).toBeUndefined();
  expect(first.headers()["content-range"]).toBe(`bytes 0-99/${svg.bytes.length}`);
  expect((await first.body()).equals(svg.bytes.subarray(0, 100))).toBe(true);

  const tail = await page.request.get(url, { headers: { ...gzip, Range: "bytes=-10" } });
  expect(tail.status()).toBe(206);
  expect((await tail.body()).equals(svg.bytes.subarray(svg.bytes.length - 10))).toBe(true);

  const beyond = await page.request.get(url, { headers: { Range: `bytes=${svg.bytes.length}-` } });
  expect(beyond.status()).toBe(416);
  expect(beyond.headers()["content-range"]).toBe(`bytes */${svg.bytes.length}`);
});
