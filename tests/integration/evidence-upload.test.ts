import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { RouteResult } from "#tests/factories";
import { callAction, cookieFor, createCase } from "#tests/factories";
import { pdfBytes, pngBytes } from "#tests/support/evidence-files";
import { generated, multipartRequest } from "#tests/support/multipart";
import { action as uploadAction } from "~/routes/_staff.cases.$caseId.evidence_.$evidenceId_.files";
import { evidenceUploadPath } from "~/domain/evidence/urls";
import { filesRoot, pathForHash } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// The evidence upload route (POST evidenceUploadPath) on a copy of the seeded database, with
// streamed multipart bodies. EVIDENCE_MAX_BYTES is 1 MiB here (set before the app reads its
// configuration), so a 1.5 MiB upload is over it while a 600 KiB one (over readForm's 256 KiB cap)
// passes: the route streams.
const LIMIT = 1024 * 1024;
vi.hoisted(() => {
  process.env.EVIDENCE_MAX_BYTES = String(1024 * 1024);
});

let prosecutor: string;
let prosecutorId: string;
let chief: string;
let gui: string;

async function newItem(opts: { state?: "investigating" | "closed"; containsPersonal?: boolean; procuratorateId?: string } = {}) {
  const procuratorateId = opts.procuratorateId ?? gui;
  const lead = procuratorateId === gui ? prosecutorId : (await prisma.user.findFirstOrThrow({ where: { procuratorateId, role: "prosecutor" } })).id;
  const kase = await createCase({ procuratorateId, leadProsecutorId: lead, state: opts.state ?? "investigating" });
  const item = await prisma.evidence.create({
    data: { caseId: kase.id, ordinal: 1, title: "上传测试证据", kind: "audiovisual", containsPersonal: opts.containsPersonal ?? false, createdById: lead },
  });
  return { caseId: kase.id, evidenceId: item.id };
}

const upload = (target: { caseId: string; evidenceId: string }, parts: Parameters<typeof multipartRequest>[1], init: Parameters<typeof multipartRequest>[2] = {}) =>
  callAction(uploadAction, multipartRequest(evidenceUploadPath(target.caseId, target.evidenceId), parts, { cookie: prosecutor, ...init }), target);

async function jsonOf(res: RouteResult): Promise<{ ok: boolean; files?: { id: string; sha256: string; mimeType: string; name: string; size: number }[]; error?: string; limit?: number; messageKey?: string }> {
  if (res.kind !== "response") throw new Error(`expected a Response, got ${res.kind}`);
  return (await res.body.json()) as never;
}

/** Every file in the store (hash-named), and what is in its temporary folder. */
function storeListing() {
  const root = filesRoot();
  const stored: string[] = [];
  for (const dir of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (dir === "tmp") continue;
    const full = path.join(root, dir);
    if (fs.statSync(full).isDirectory()) stored.push(...fs.readdirSync(full));
  }
  const tmpDir = path.join(root, "tmp");
  return { stored, tmp: fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir) : [] };
}

beforeAll(async () => {
  prosecutor = await cookieFor("prosecutor");
  chief = await cookieFor("chief");
  const user = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  prosecutorId = user.id;
  gui = user.procuratorateId!;
});

describe("uploading evidence files", () => {
  test("streams a PNG and a PDF in one request: types from the bytes, sanitised names, custody and audit events", async () => {
    const target = await newItem();
    const res = await upload(target, [
      { name: "file", filename: "C:\\照片\\现场照片\u202E01.png", contentType: "application/pdf", data: pngBytes() },
      { name: "file", filename: "检测报告.pdf", data: pdfBytes() },
    ]);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.files!.map((f) => [f.name, f.mimeType])).toEqual([
      ["现场照片01.png", "image/png"],
      ["检测报告.pdf", "application/pdf"],
    ]);
    const rows = await prisma.evidenceFile.findMany({ where: { evidenceId: target.evidenceId }, orderBy: { createdAt: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.uploadedById === prosecutorId && r.redactionOfId === null)).toBe(true);
    for (const r of rows) expect(fs.existsSync(pathForHash(r.sha256))).toBe(true);
    const custody = await prisma.custodyEvent.findMany({ where: { evidenceId: target.evidenceId, action: "uploaded" } });
    expect(custody.map((c) => c.fileId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(custody.every((c) => c.actorId === prosecutorId)).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.upload", entityId: target.evidenceId } });
    expect(audit.caseId).toBe(target.caseId);
    expect(storeListing().tmp).toEqual([]);
  });

  test("the same content twice is stored once on disk, with a row per upload", async () => {
    const target = await newItem();
    const size = 600 * 1024; // more than readForm's 256 KiB: only a streaming parser takes it
    const first = await jsonOf(await upload(target, [{ name: "file", filename: "录像片段.bin", data: generated(size, 7) }]));
    const second = await jsonOf(await upload(target, [{ name: "file", filename: "录像片段-副本.bin", data: generated(size, 7) }]));
    expect(first.ok && second.ok).toBe(true);
    const sha = first.files![0]!.sha256;
    expect(second.files![0]!.sha256).toBe(sha);
    expect(first.files![0]!.id).not.toBe(second.files![0]!.id);
    expect(first.files![0]!.size).toBe(size);
    expect(storeListing().stored.filter((name) => name === sha)).toHaveLength(1);
    expect(fs.statSync(pathForHash(sha)).size).toBe(size);
    expect(await prisma.evidenceFile.count({ where: { evidenceId: target.evidenceId, sha256: sha } })).toBe(2);
    expect(storeListing().tmp).toEqual([]);
  });

  test("over EVIDENCE_MAX_BYTES: 413 with the limit, no temporary file, nothing new in the store, no row", async () => {
    const target = await newItem();
    const before = storeListing();
    const rowsBefore = await prisma.evidenceFile.count();
    // A small good file first, then one over the limit: the request fails as a whole.
    const res = await upload(target, [
      { name: "file", filename: "小文件.png", data: pngBytes(4, 4, 11) },
      { name: "file", filename: "过大文件.bin", data: generated(LIMIT + LIMIT / 2, 3) },
    ]);
    expect(res.status).toBe(413);
    const body = await jsonOf(res);
    expect(body.ok).toBe(false);
    expect(body.limit).toBe(LIMIT);
    expect(body.error).toContain("1.0 MB");
    const after = storeListing();
    expect(after.tmp).toEqual([]);
    expect(after.stored.sort()).toEqual(before.stored.sort());
    expect(await prisma.evidenceFile.count()).toBe(rowsBefore);
    expect(await prisma.custodyEvent.count({ where: { evidenceId: target.evidenceId } })).toBe(0);
  });

  test("rows that fail to save after the files are placed: the new file is removed, a deduplicated one referenced elsewhere stays", async () => {
    const target = await newItem();
    // Content already stored and referenced by a row of another item.
    const other = await newItem();
    const kept = (await jsonOf(await upload(other, [{ name: "file", filename: "已有.png", data: pngBytes(5, 5, 21) }]))).files![0]!;
    const fresh = generated(70 * 1024, 22);
    const hash = createHash("sha256");
    for await (const chunk of fresh()) hash.update(chunk);
    const freshSha = hash.digest("hex");
    const rowsBefore = await prisma.evidenceFile.count();
    // The injected failure: the database refuses the second file's row, after both files were placed.
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER "test_fail_upload" BEFORE INSERT ON "EvidenceFile" WHEN NEW."originalName" = '注入失败.bin' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`,
    );
    try {
      const res = await upload(target, [
        { name: "file", filename: "已有-副本.png", data: pngBytes(5, 5, 21) },
        { name: "file", filename: "注入失败.bin", data: fresh },
      ]);
      expect(res.status).toBe(500);
      // (the adapter reports the trigger's abort as a constraint error of the insert)
      expect(String(res.kind === "error" ? res.error : "")).toMatch(/evidenceFile\.create/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER "test_fail_upload"`);
    }
    expect(await prisma.evidenceFile.count()).toBe(rowsBefore);
    expect(fs.existsSync(pathForHash(freshSha))).toBe(false);
    expect(fs.existsSync(pathForHash(kept.sha256))).toBe(true);
    expect(storeListing().tmp).toEqual([]);
  });

  test("a file of exactly the limit is accepted", async () => {
    const target = await newItem();
    const res = await upload(target, [{ name: "file", filename: "刚好.bin", data: generated(LIMIT, 5) }]);
    expect(res.status).toBe(200);
  });

  test("refusals: wrong role 403, another procuratorate 404, closed case 409 in the user's language, cross-site 403", async () => {
    const file = [{ name: "file", filename: "a.png", data: pngBytes(3, 3, 1) }];
    const mine = await newItem();
    expect((await upload(mine, file, { cookie: chief })).status).toBe(403);
    const chen = (await prisma.procuratorate.findFirstOrThrow({ where: { shortName: "郴" } })).id;
    const theirs = await newItem({ procuratorateId: chen });
    expect((await upload(theirs, file)).status).toBe(404);
    // An item id of another case of the actor's: 404 too.
    expect((await upload({ caseId: mine.caseId, evidenceId: theirs.evidenceId }, file)).status).toBe(404);
    const closed = await newItem({ state: "closed" });
    const zh = await upload(closed, file);
    expect(zh.status).toBe(409);
    expect((await jsonOf(zh)).error).toContain("案件已终结");
    const en = await upload(closed, file, { cookie: `${prosecutor}; procura_locale=en` });
    expect((await jsonOf(en)).error).toContain("The case is closed");
    const crossSite = await upload(mine, file, { headers: { Origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect(await prisma.evidenceFile.count({ where: { evidenceId: { in: [mine.evidenceId, theirs.evidenceId, closed.evidenceId] } } })).toBe(0);
    expect(storeListing().tmp).toEqual([]);
  });

  test("an item disclosed to a hearing in deliberation takes no file (409, the panel's view is frozen); other hearings' states do not matter", async () => {
    const file = [{ name: "file", filename: "补拍.png", data: pngBytes(4, 4, 9) }];
    const target = await newItem();
    const hearing = await prisma.hearing.create({
      data: { procuratorateId: gui, title: "评议中的听证", venue: "检察听证室", startsAt: new Date(), hostId: prosecutorId, status: "deliberating" },
    });
    await prisma.hearingEvidence.create({ data: { hearingId: hearing.id, evidenceId: target.evidenceId, disclosedById: prosecutorId } });
    const refused = await upload(target, file);
    expect(refused.status).toBe(409);
    expect((await jsonOf(refused)).error).toContain("正在评议");
    expect(await prisma.evidenceFile.count({ where: { evidenceId: target.evidenceId } })).toBe(0);
    expect(storeListing().tmp).toEqual([]);
    await prisma.hearing.update({ where: { id: hearing.id }, data: { status: "in_progress" } });
    expect((await upload(target, file)).status).toBe(200);
  });

  test("bad input answers 400 with a localised message: no file, an empty file, a foreign field, not multipart", async () => {
    const target = await newItem();
    const none = await upload(target, [{ name: "note", value: "x" }]);
    expect(none.status).toBe(400);
    expect((await jsonOf(none)).error).toBe("请选择要上传的文件。");
    expect((await upload(target, [{ name: "file", filename: "空.txt", data: new Uint8Array(0) }])).status).toBe(400);
    expect((await upload(target, [{ name: "attachment", filename: "a.png", data: pngBytes() }])).status).toBe(400);
    const plain = new Request(`http://localhost${evidenceUploadPath(target.caseId, target.evidenceId)}`, {
      method: "POST",
      headers: { Cookie: prosecutor, Origin: "http://localhost", Accept: "application/json", "Content-Type": "application/json" },
      body: "{}",
    });
    expect((await callAction(uploadAction, plain, target)).status).toBe(400);
    expect(await prisma.evidenceFile.count({ where: { evidenceId: target.evidenceId } })).toBe(0);
    expect(storeListing().tmp).toEqual([]);
  });

  test("without JavaScript: a plain form post redirects back to the item", async () => {
    const target = await newItem();
    const res = await upload(target, [{ name: "file", filename: "现场.png", data: pngBytes(5, 5, 2) }], { headers: { Accept: "text/html" } });
    expect(res.status).toBe(302);
    expect(res.kind === "response" && res.location).toBe(`/cases/${target.caseId}/evidence/${target.evidenceId}?uploaded=1`);
    const refused = await upload(await newItem({ state: "closed" }), [{ name: "file", filename: "现场.png", data: pngBytes() }], { headers: { Accept: "text/html" } });
    expect(refused.status).toBe(303);
    expect(refused.kind === "response" && refused.location).toContain("uploadError=evidenceItems.error.closed");
  });
});

describe("redacted copies", () => {
  test("of an item with personal data: linked to the original", async () => {
    const target = await newItem({ containsPersonal: true });
    const original = (await jsonOf(await upload(target, [{ name: "file", filename: "询问笔录.pdf", data: pdfBytes("original") }]))).files![0]!;
    const res = await upload(target, [
      { name: "redactionOf", value: original.id },
      { name: "file", filename: "询问笔录（脱敏）.pdf", data: pdfBytes("redacted") },
    ]);
    expect(res.status).toBe(200);
    const copy = (await jsonOf(res)).files![0]!;
    const row = await prisma.evidenceFile.findUniqueOrThrow({ where: { id: copy.id } });
    expect(row.redactionOfId).toBe(original.id);
    // A copy of a copy is refused: redactionOf names an original.
    const ofCopy = await upload(target, [
      { name: "redactionOf", value: copy.id },
      { name: "file", filename: "再脱敏.pdf", data: pdfBytes("again") },
    ]);
    expect(ofCopy.status).toBe(400);
    expect((await jsonOf(ofCopy)).messageKey).toBe("evidenceItems.upload.redactionOriginal");
  });

  test("refused for an item without personal data, or naming another item's file; nothing stored", async () => {
    const plain = await newItem();
    const original = (await jsonOf(await upload(plain, [{ name: "file", filename: "照片.png", data: pngBytes(6, 6, 4) }]))).files![0]!;
    const before = storeListing();
    const res = await upload(plain, [
      { name: "redactionOf", value: original.id },
      { name: "file", filename: "照片（脱敏）.png", data: pngBytes(6, 6, 5) },
    ]);
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).messageKey).toBe("evidenceItems.upload.redactionNotPersonal");
    const personal = await newItem({ containsPersonal: true });
    const foreign = await upload(personal, [
      { name: "file", filename: "照片（脱敏）.png", data: pngBytes(6, 6, 5) },
      { name: "redactionOf", value: original.id },
    ]);
    expect(foreign.status).toBe(400);
    expect(await prisma.evidenceFile.count({ where: { redactionOfId: original.id } })).toBe(0);
    const after = storeListing();
    expect(after.stored.sort()).toEqual(before.stored.sort());
    expect(after.tmp).toEqual([]);
  });
});
