import { randomBytes, randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callLoader, cookieFor, cookieForUserId, createCase, createUser, request } from "#tests/factories";
import { evidenceFilePath } from "~/domain/evidence/urls";
import { loader } from "~/routes/evidence.files.$fileId";
import { storeBuffer } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// GET /evidence/files/:fileId against the seeded database and a real DATA_DIR: who gets the bytes
// (and everyone else 404), ranges, headers, and the custody events of reads.

const tag = () => randomUUID().slice(0, 8);
// The 8-byte PNG signature and a little more: what the upload would have sniffed as image/png.
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(1000)]);

type Fixture = Awaited<ReturnType<typeof fixture>>;
let f: Fixture;

async function fixture() {
  const gui = await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "桂" } });
  const prosecutor = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  const kase = await createCase({ procuratorateId: gui.id, leadProsecutorId: prosecutor.id });
  let ordinal = 0;
  const item = (containsPersonal = false) =>
    prisma.evidence.create({
      data: { caseId: kase.id, ordinal: ++ordinal, title: `测试证据 ${tag()}`, kind: "audiovisual", containsPersonal, createdById: prosecutor.id },
    });
  const file = async (evidenceId: string, bytes: Buffer, mimeType: string, originalName: string, redactionOfId: string | null = null) => {
    const stored = await storeBuffer(bytes);
    return prisma.evidenceFile.create({
      data: { evidenceId, sha256: stored.sha256, size: stored.size, mimeType, originalName, redactionOfId, uploadedById: prosecutor.id },
    });
  };

  const photos = await item();
  const png = await file(photos.id, PNG, "image/png", "现场照片 01.png");
  const svg = await file(photos.id, Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "image/svg+xml", "现场照片.svg");
  const pdf = await file(photos.id, Buffer.from(`%PDF-1.4\n${tag()}\n%%EOF\n`), "application/pdf", "询问笔录.pdf");
  const zip = await file(photos.id, Buffer.from(`PK\u0003\u0004${tag()}`), "application/zip", "监测数据.zip");
  const personal = await item(true);
  const original = await file(personal.id, Buffer.from(`%PDF-1.4 original ${tag()}`), "application/pdf", "证人证言（原件）.pdf");
  const redacted = await file(personal.id, Buffer.from(`%PDF-1.4 redacted ${tag()}`), "application/pdf", "证人证言（脱敏）.pdf", original.id);
  const undisclosed = await item();
  const hidden = await file(undisclosed.id, Buffer.from(`%PDF-1.4 hidden ${tag()}`), "application/pdf", "未出示.pdf");

  // A hearing the first two items are disclosed to, with a seated panelist; a second hearing of 桂
  // with another panelist and nothing disclosed.
  const hearing = (title: string) =>
    prisma.hearing.create({
      data: { procuratorateId: gui.id, title, venue: "检察听证室", startsAt: new Date(Date.now() + 864e5), hostId: prosecutor.id },
    });
  const [h1, h2] = [await hearing(`测试听证 ${tag()}`), await hearing(`另一听证 ${tag()}`)];
  const seated = await createUser({ role: "panelist", procuratorateId: gui.id });
  const other = await createUser({ role: "panelist", procuratorateId: gui.id });
  await prisma.hearingPanelist.createMany({
    data: [
      // Declarations signed: the briefing and its files open only then (issue 9).
      { hearingId: h1.id, panelistId: seated.panelistId!, declaredAt: new Date() },
      { hearingId: h2.id, panelistId: other.panelistId!, declaredAt: new Date() },
    ],
  });
  await prisma.hearingEvidence.createMany({
    data: [photos.id, personal.id].map((evidenceId) => ({ hearingId: h1.id, evidenceId, disclosedById: prosecutor.id })),
  });
  const elsewhere = await createUser({ role: "prosecutor" }); // another procuratorate

  return {
    prosecutor,
    files: { png, svg, pdf, zip, original, redacted, hidden },
    h1,
    cookies: {
      prosecutor: await cookieFor("prosecutor"),
      chief: await cookieFor("chief"),
      admin: await cookieFor("admin"),
      agency: await cookieFor("agency"),
      seated: await cookieForUserId(seated.id),
      seatedId: seated.id,
      otherPanelist: await cookieForUserId(other.id),
      elsewhere: await cookieForUserId(elsewhere.id),
    },
  };
}

beforeAll(async () => {
  f = await fixture();
});

afterEach(() => {
  vi.restoreAllMocks();
});

type Answered = Exclude<RouteResult, { kind: "error" }>;

async function get(fileId: string, cookie: string | null, headers: Record<string, string> = {}, download = false): Promise<Answered> {
  const result = await callLoader(loader, request(evidenceFilePath(fileId, { download }), { cookie, headers }), { fileId });
  if (result.kind === "error") throw result.error;
  return result;
}

async function bytesOf(result: RouteResult): Promise<Buffer> {
  if (result.kind !== "response") throw new Error(`expected a Response, got ${result.kind}`);
  return Buffer.from(await result.body.arrayBuffer());
}

const custody = (fileId: string, action: string) => prisma.custodyEvent.count({ where: { fileId, action } });

describe("who may read a file", () => {
  test("staff of the case's procuratorate get the whole file", async () => {
    for (const cookie of [f.cookies.prosecutor, f.cookies.chief]) {
      const result = await get(f.files.png.id, cookie);
      expect(result.status).toBe(200);
      expect((await bytesOf(result)).equals(PNG)).toBe(true);
    }
  });

  test("404 for the liaison, another procuratorate, the admin, a panelist of another hearing, and an unknown id", async () => {
    for (const cookie of [f.cookies.agency, f.cookies.elsewhere, f.cookies.admin, f.cookies.otherPanelist]) {
      expect((await get(f.files.png.id, cookie)).status).toBe(404);
    }
    expect((await get("no-such-file", f.cookies.prosecutor)).status).toBe(404);
    expect((await get("no-such-file", f.cookies.agency)).status).toBe(404);
  });

  test("not signed in: the sign-in page", async () => {
    const result = await get(f.files.png.id, null);
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
  });

  test("the seated panelist reads disclosed files, only the redacted copy of a personal-data item, nothing undisclosed", async () => {
    expect((await get(f.files.png.id, f.cookies.seated)).status).toBe(200);
    expect((await get(f.files.redacted.id, f.cookies.seated)).status).toBe(200);
    expect((await get(f.files.original.id, f.cookies.seated)).status).toBe(404);
    expect((await get(f.files.hidden.id, f.cookies.seated)).status).toBe(404);
  });

  test("a cancelled hearing's panel loses access (404); a concluded hearing's panel keeps it", async () => {
    const status = async (s: "cancelled" | "concluded") => prisma.hearing.update({ where: { id: f.h1.id }, data: { status: s } });
    try {
      await status("concluded");
      expect((await get(f.files.png.id, f.cookies.seated)).status).toBe(200);
      expect((await get(f.files.redacted.id, f.cookies.seated)).status).toBe(200);
      await status("cancelled");
      expect((await get(f.files.png.id, f.cookies.seated)).status).toBe(404);
      expect((await get(f.files.redacted.id, f.cookies.seated)).status).toBe(404);
      // Staff of the case still read it.
      expect((await get(f.files.png.id, f.cookies.prosecutor)).status).toBe(200);
    } finally {
      await prisma.hearing.update({ where: { id: f.h1.id }, data: { status: "planned" } });
    }
  });

  test("a recused panelist no longer reads the hearing's files", async () => {
    const user = await createUser({ role: "panelist", procuratorateId: f.prosecutor.procuratorateId });
    await prisma.hearingPanelist.create({ data: { hearingId: f.h1.id, panelistId: user.panelistId!, recused: true, recusalReason: "与行政机关负责人有近亲属关系" } });
    expect((await get(f.files.png.id, await cookieForUserId(user.id))).status).toBe(404);
  });

  test("a seated panelist who has not signed the no-conflict declaration does not read them yet (issue 9)", async () => {
    const user = await createUser({ role: "panelist", procuratorateId: f.prosecutor.procuratorateId });
    await prisma.hearingPanelist.create({ data: { hearingId: f.h1.id, panelistId: user.panelistId! } });
    const cookie = await cookieForUserId(user.id);
    expect((await get(f.files.png.id, cookie)).status).toBe(404);
    await prisma.hearingPanelist.update({
      where: { hearingId_panelistId: { hearingId: f.h1.id, panelistId: user.panelistId! } },
      data: { declaredAt: new Date() },
    });
    expect((await get(f.files.png.id, cookie)).status).toBe(200);
  });
});

describe("ranges", () => {
  test("Range: bytes=0-99 answers 206 with exactly those 100 bytes", async () => {
    const result = await get(f.files.png.id, f.cookies.prosecutor, { Range: "bytes=0-99" });
    expect(result.status).toBe(206);
    expect(result.headers.get("Content-Range")).toBe(`bytes 0-99/${PNG.length}`);
    expect(result.headers.get("Content-Length")).toBe("100");
    const body = await bytesOf(result);
    expect(body.length).toBe(100);
    expect(body.equals(PNG.subarray(0, 100))).toBe(true);
  });

  test("open-ended, suffix and clamped ranges", async () => {
    const cases: [string, number, number][] = [
      ["bytes=1000-", 1000, PNG.length - 1],
      ["bytes=-8", PNG.length - 8, PNG.length - 1],
      ["bytes=500-99999", 500, PNG.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const result = await get(f.files.png.id, f.cookies.prosecutor, { Range: range });
      expect(result.status).toBe(206);
      expect(result.headers.get("Content-Range")).toBe(`bytes ${start}-${end}/${PNG.length}`);
      expect((await bytesOf(result)).equals(PNG.subarray(start, end + 1))).toBe(true);
    }
  });

  test("an unsatisfiable range answers 416 with the size; a multi-range header gets the whole file", async () => {
    const result = await get(f.files.png.id, f.cookies.prosecutor, { Range: `bytes=${PNG.length}-` });
    expect(result.status).toBe(416);
    expect(result.headers.get("Content-Range")).toBe(`bytes */${PNG.length}`);
    const multi = await get(f.files.png.id, f.cookies.prosecutor, { Range: "bytes=0-1,5-9" });
    expect(multi.status).toBe(200);
    expect((await bytesOf(multi)).length).toBe(PNG.length);
  });

  test("a range for another version (If-Range) gets the whole file; If-None-Match with the hash answers 304", async () => {
    const stale = await get(f.files.png.id, f.cookies.prosecutor, { Range: "bytes=0-9", "If-Range": '"old"' });
    expect(stale.status).toBe(200);
    const etag = `"${f.files.png.sha256}"`;
    const same = await get(f.files.png.id, f.cookies.prosecutor, { Range: "bytes=0-9", "If-Range": etag });
    expect(same.status).toBe(206);
    const cached = await get(f.files.png.id, f.cookies.prosecutor, { "If-None-Match": etag });
    expect(cached.status).toBe(304);
    expect(cached.headers.get("ETag")).toBe(etag);
  });

  test("a range is checked like any request: the liaison gets 404, not the bytes", async () => {
    expect((await get(f.files.png.id, f.cookies.agency, { Range: "bytes=0-99" })).status).toBe(404);
  });
});

describe("headers", () => {
  test("a PNG opens inline with its type, Accept-Ranges, nosniff, a sandboxing CSP and no-transform", async () => {
    const h = (await get(f.files.png.id, f.cookies.prosecutor)).headers;
    expect(h.get("Content-Type")).toBe("image/png");
    expect(h.get("Content-Disposition")).toBe(`inline; filename="____ 01.png"; filename*=UTF-8''${encodeURIComponent("现场照片 01.png")}`);
    expect(h.get("Accept-Ranges")).toBe("bytes");
    expect(h.get("X-Content-Type-Options")).toBe("nosniff");
    expect(h.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(h.get("Cache-Control")).toContain("no-transform");
    expect(h.get("ETag")).toBe(`"${f.files.png.sha256}"`);
    expect(h.get("Content-Length")).toBe(String(PNG.length));
  });

  test("an SVG is always an attachment, never rendered as markup", async () => {
    const h = (await get(f.files.svg.id, f.cookies.prosecutor)).headers;
    expect(h.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(h.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("现场照片.svg")}`);
    expect(h.get("Content-Type")).toBe("application/octet-stream");
    expect(h.get("X-Content-Type-Options")).toBe("nosniff");
    expect(h.get("Content-Security-Policy")).toMatch(/^sandbox;/);
  });

  test("a PDF opens inline (not sandboxed: Chromium's viewer refuses to run sandboxed), other types download", async () => {
    const pdf = (await get(f.files.pdf.id, f.cookies.prosecutor)).headers;
    expect(pdf.get("Content-Type")).toBe("application/pdf");
    expect(pdf.get("Content-Disposition")).toMatch(/^inline; /);
    expect(pdf.get("Content-Security-Policy")).not.toContain("sandbox");
    expect(pdf.get("Content-Security-Policy")).toContain("default-src 'none'");
    const zip = (await get(f.files.zip.id, f.cookies.prosecutor)).headers;
    expect(zip.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(zip.get("Content-Type")).toBe("application/zip");
    const asDownload = (await get(f.files.png.id, f.cookies.prosecutor, {}, true)).headers;
    expect(asDownload.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(asDownload.get("Content-Security-Policy")).toMatch(/^sandbox;/);
  });
});

describe("custody of reads", () => {
  test("a preview is recorded once per user, file and day, however many range chunks it takes", async () => {
    const file = f.files.pdf.id;
    const before = await custody(file, "viewed");
    await get(file, f.cookies.seated, { Range: "bytes=0-9" });
    await get(file, f.cookies.seated, { Range: "bytes=10-" });
    await get(file, f.cookies.seated);
    expect(await custody(file, "viewed")).toBe(before + 1);
    const event = await prisma.custodyEvent.findFirstOrThrow({ where: { fileId: file, action: "viewed", actorId: f.cookies.seatedId } });
    expect(event.evidenceId).toBe(f.files.pdf.evidenceId);
    // Another user's preview is another event.
    await get(file, f.cookies.chief);
    expect(await custody(file, "viewed")).toBe(before + 2);
  });

  test("every download is recorded with the file and the actor; 404s and 304s record nothing", async () => {
    const file = f.files.zip.id;
    const before = await custody(file, "downloaded");
    await get(file, f.cookies.prosecutor, {}, true);
    await get(file, f.cookies.prosecutor, {}, true);
    expect(await custody(file, "downloaded")).toBe(before + 2);
    expect(await prisma.custodyEvent.count({ where: { fileId: file, action: "downloaded", actorId: f.prosecutor.id } })).toBeGreaterThanOrEqual(2);
    const total = await prisma.custodyEvent.count({ where: { fileId: file } });
    await get(file, f.cookies.agency, {}, true);
    await get(file, f.cookies.prosecutor, { "If-None-Match": `"${f.files.zip.sha256}"` }, true);
    expect(await prisma.custodyEvent.count({ where: { fileId: file } })).toBe(total);
  });
});

test("HEAD answers the headers and length without a body, and records no read", async () => {
  const file = f.files.png.id;
  const before = await prisma.custodyEvent.count({ where: { fileId: file } });
  const head = new Request(new URL(evidenceFilePath(file), "http://localhost"), { method: "HEAD", headers: { Cookie: f.cookies.prosecutor } });
  const result = await callLoader(loader, head, { fileId: file });
  if (result.kind !== "response") throw new Error(`expected a Response, got ${result.kind}`);
  expect(result.status).toBe(200);
  expect(result.headers.get("Content-Length")).toBe(String(PNG.length));
  expect(result.body.body).toBeNull();
  expect(await prisma.custodyEvent.count({ where: { fileId: file } })).toBe(before);
});

test("a file whose blob is missing answers 404 with a log line, not 500", async () => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const ghost = await prisma.evidenceFile.create({
    data: { evidenceId: f.files.png.evidenceId, sha256: "0".repeat(63) + "1", size: 10n, mimeType: "image/png", originalName: "丢失.png" },
  });
  const result = await get(ghost.id, f.cookies.prosecutor);
  expect(result.status).toBe(404);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining(`stored blob ${"0".repeat(63)}1 is missing`));
});
