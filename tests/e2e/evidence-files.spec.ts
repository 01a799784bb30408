import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "#tests/e2e/support";

// Evidence files in Chromium, through the production server (scripts/serve.mjs, with its
// compression middleware): a prosecutor previews a PNG inline and gets the demo seed's SVG site
// photos only as downloads; the agency liaison gets 404 for the same URLs; ranges arrive exactly
// and uncompressed. The PNG's item and file are written straight into the e2e server's database
// and data folder (playwright.config.ts: DATA_DIR=tests/.tmp/e2e).

const DATA_DIR = path.resolve("tests/.tmp/e2e");
const DB = path.join(DATA_DIR, "procura.db");

/** A w×h PNG of one colour, valid enough for Chromium to decode. */
function png(w: number, h: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Stores bytes where the app's content-addressed store keeps them (DATA_DIR/files/<ab>/<sha256>). */
function storeBlob(bytes: Buffer): string {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = path.join(DATA_DIR, "files", sha256.slice(0, 2), sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
  return sha256;
}

/** A new evidence item on one of the demo prosecutor's cases, with one PNG file; returns the file's id. */
function seedPhoto(bytes: Buffer, name: string): string {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const sha256 = storeBlob(bytes);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const tag = randomUUID().slice(0, 8);
  const fileId = `e2efile${tag}`;
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      const kase = db
        .prepare(`SELECT "id" FROM "Case" WHERE "procuratorateId" = ? AND "leadProsecutorId" = ? ORDER BY "createdAt" LIMIT 1`)
        .get(user.procuratorateId, user.id) as { id: string };
      const { n } = db.prepare(`SELECT COALESCE(MAX("ordinal"), 0) + 1 AS n FROM "Evidence" WHERE "caseId" = ?`).get(kase.id) as { n: number };
      db.prepare(
        `INSERT INTO "Evidence" ("id", "caseId", "ordinal", "title", "kind", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'audiovisual', ?, ?, ?)`,
      ).run(`e2eitem${tag}`, kase.id, n, `浏览器预览测试照片 ${tag}`, user.id, now, now);
      db.prepare(
        `INSERT INTO "EvidenceFile" ("id", "evidenceId", "sha256", "size", "mimeType", "originalName", "uploadedById", "createdAt")
         VALUES (?, ?, ?, ?, 'image/png', ?, ?, ?)`,
      ).run(fileId, `e2eitem${tag}`, sha256, bytes.length, name, user.id, now);
    })();
  } finally {
    db.close();
  }
  return fileId;
}

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
  const pngId = seedPhoto(photo, "现场照片-浏览器预览.png");
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
