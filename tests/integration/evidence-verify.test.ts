import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import { callAction, callLoader, cookieFor, cookieForUserId, createCase, createUser, request } from "#tests/factories";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { ORPHAN_GRACE_MS, verifyEvidenceStore } from "~/models/evidence-verify.server";
import { loader as adminLoader } from "~/routes/_staff.admin._index";
import { action as verifyAction } from "~/routes/_staff.cases.$caseId.evidence_.$evidenceId_.verify";
import { filesRoot, pathForHash, storeBuffer } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";

// npm run evidence:verify and an item's "verify" on a real SQLite copy and a real DATA_DIR.

const tag = () => randomUUID().slice(0, 8);
const backdate = (file: string, ms = 2 * ORPHAN_GRACE_MS) => {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
};

let caseId: string;
let procuratorateId: string;
let prosecutorId: string;

async function newItem() {
  const count = await prisma.evidence.count({ where: { caseId } });
  return prisma.evidence.create({
    data: { caseId, ordinal: count + 1, title: `校验测试证据 ${tag()}`, kind: "electronic", createdById: prosecutorId },
  });
}

async function newFile(evidenceId: string, name = `数据 ${tag()}.bin`) {
  const stored = await storeBuffer(randomBytes(4096));
  return prisma.evidenceFile.create({
    data: { evidenceId, sha256: stored.sha256, size: stored.size, mimeType: "application/octet-stream", originalName: name },
  });
}

beforeAll(async () => {
  const prosecutor = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
  prosecutorId = prosecutor.id;
  procuratorateId = prosecutor.procuratorateId;
  caseId = (await createCase({ procuratorateId, leadProsecutorId: prosecutor.id })).id;
});

describe("the whole store", () => {
  test("the seeded store verifies clean, and the run is recorded", async () => {
    const report = await verifyEvidenceStore();
    expect(report.mismatched).toBe(0);
    expect(report.missing).toBe(0);
    expect(report.filesChecked).toBe(await prisma.evidenceFile.count());
    expect(report.bytesChecked).toBeGreaterThan(0);
    const row = await prisma.evidenceVerification.findUniqueOrThrow({ where: { id: report.id } });
    expect(row.filesChecked).toBe(report.filesChecked);
    expect(row.finishedAt).not.toBeNull();
    expect(JSON.parse(row.report).filesChecked).toBe(report.filesChecked);
  });

  test("a byte changed in a stored file is reported as mismatched, by case and item", async () => {
    const item = await newItem();
    const file = await newFile(item.id, "被篡改.bin");
    const blob = pathForHash(file.sha256);
    const bytes = fs.readFileSync(blob);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(blob, bytes);

    const report = await verifyEvidenceStore();
    expect(report.mismatched).toBe(1);
    const entry = report.cases.find((c) => c.caseId === caseId);
    const reported = entry?.items.find((i) => i.evidenceId === item.id)?.files;
    expect(reported).toEqual([
      expect.objectContaining({ fileId: file.id, name: "被篡改.bin", check: "mismatch", sha256: file.sha256, actual: expect.not.stringMatching(file.sha256) }),
    ]);
    // Restored for the other tests of this file.
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(blob, bytes);
  });

  test("a row whose blob is gone is reported missing", async () => {
    const item = await newItem();
    const file = await newFile(item.id);
    fs.rmSync(pathForHash(file.sha256));
    const report = await verifyEvidenceStore();
    expect(report.missing).toBe(1);
    expect(report.cases.flatMap((c) => c.items).find((i) => i.evidenceId === item.id)?.files[0]).toMatchObject({ fileId: file.id, check: "missing" });
    await prisma.evidenceFile.delete({ where: { id: file.id } }); // no custody event points at it yet
  });

  test("a crash between storing a file and committing its row leaves an orphan; --clean-orphans removes it", async () => {
    // The crash: the blob is in place (storeStream renamed it), the row was never committed.
    const stored = await storeBuffer(randomBytes(2048));
    const blob = pathForHash(stored.sha256);
    const relative = path.relative(filesRoot(), blob);

    // Younger than an hour it may be an upload in progress: left alone.
    let report = await verifyEvidenceStore({ cleanOrphans: true });
    expect(report.orphans.map((o) => o.path)).not.toContain(relative);
    expect(report.skippedRecent).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(blob)).toBe(true);

    backdate(blob);
    report = await verifyEvidenceStore();
    expect(report.orphans).toContainEqual({ path: relative, size: 2048, removed: false });
    expect(fs.existsSync(blob)).toBe(true);
    const row = await prisma.evidenceVerification.findUniqueOrThrow({ where: { id: report.id } });
    expect(row.orphans).toBeGreaterThanOrEqual(1);

    report = await verifyEvidenceStore({ cleanOrphans: true });
    expect(report.orphans).toContainEqual({ path: relative, size: 2048, removed: true });
    expect(fs.existsSync(blob)).toBe(false);
    // Referenced blobs are never touched.
    expect(report.mismatched + report.missing).toBe(0);
  });

  test("old temporary files are orphans, young ones are left alone; a blob named in another table is not an orphan", async () => {
    const tmp = path.join(filesRoot(), "tmp");
    fs.mkdirSync(tmp, { recursive: true });
    const old = path.join(tmp, `old-${tag()}`);
    const young = path.join(tmp, `young-${tag()}`);
    fs.writeFileSync(old, "half-written");
    fs.writeFileSync(young, "being written");
    backdate(old);

    const attachment = await storeBuffer(randomBytes(512));
    backdate(pathForHash(attachment.sha256));
    const reply = await prisma.reply.findFirst({ select: { id: true } });
    if (reply) {
      await prisma.replyAttachment.create({
        data: { replyId: reply.id, sha256: attachment.sha256, size: attachment.size, mimeType: "application/pdf", originalName: "整改报告.pdf" },
      });
    }

    const report = await verifyEvidenceStore({ cleanOrphans: true });
    expect(report.orphans.map((o) => o.path)).toContain(path.join("tmp", path.basename(old)));
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(young)).toBe(true);
    if (reply) {
      expect(report.orphans.map((o) => o.path)).not.toContain(path.relative(filesRoot(), pathForHash(attachment.sha256)));
      expect(fs.existsSync(pathForHash(attachment.sha256))).toBe(true);
    }
    fs.rmSync(young);
  });

  test("storing content that is already there refreshes the blob's time, so a cleaning run cannot take it from an upload", async () => {
    const bytes = randomBytes(256);
    const first = await storeBuffer(bytes);
    backdate(pathForHash(first.sha256));
    await storeBuffer(bytes);
    expect(Date.now() - fs.statSync(pathForHash(first.sha256)).mtimeMs).toBeLessThan(ORPHAN_GRACE_MS);
  });

  test("npm run evidence:verify prints the report and exits 1 when a file is missing", async () => {
    const item = await newItem();
    const file = await newFile(item.id, "命令行缺失.bin");
    fs.rmSync(pathForHash(file.sha256));
    const run = promisify(execFile);
    const failed = await run("npx", ["tsx", "scripts/evidence-verify.ts"], { env: process.env }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`MISSING: 命令行缺失.bin [${file.id}]`);
    expect(failed?.stdout).toContain("FAILED");
    await prisma.evidenceFile.delete({ where: { id: file.id } });
    const ok = await run("npx", ["tsx", "scripts/evidence-verify.ts"], { env: process.env });
    expect(ok.stdout).toContain("OK: every evidence file matches");
  }, 60_000);

  test("the admin overview shows the last full verification", async () => {
    const report = await verifyEvidenceStore();
    const result = await callLoader(adminLoader, request("/admin", { cookie: await cookieFor("admin") }));
    expect(result.status).toBe(200);
    const data = (result as { data: { verification: { filesChecked: number; startedAt: Date } | null } }).data;
    expect(data.verification?.filesChecked).toBe(report.filesChecked);
    expect(new Date(data.verification!.startedAt).toISOString()).toBe(report.startedAt);
  });
});

describe("verify one item", () => {
  const post = (evidenceId: string, cookie: string, forCase = caseId) =>
    callAction(verifyAction, request(`${evidenceItemPath(forCase, evidenceId)}/verify`, { method: "POST", cookie, form: {} }), {
      caseId: forCase,
      evidenceId,
    });

  test("re-hashes the item's files, records one 'verified' custody event per file and an audit event", async () => {
    const item = await newItem();
    const good = await newFile(item.id, "完好.bin");
    const bad = await newFile(item.id, "已改动.bin");
    const gone = await newFile(item.id, "已丢失.bin");
    const blob = pathForHash(bad.sha256);
    fs.appendFileSync(blob, "x");
    fs.rmSync(pathForHash(gone.sha256));

    const result = await post(item.id, await cookieFor("prosecutor"));
    expect(result.status).toBe(200);
    expect((result as { data: unknown }).data).toMatchObject({
      ok: 1,
      mismatched: 1,
      missing: 1,
      files: [
        { fileId: good.id, check: "ok" },
        { fileId: bad.id, check: "mismatch" },
        { fileId: gone.id, check: "missing" },
      ],
    });
    const events = await prisma.custodyEvent.findMany({ where: { evidenceId: item.id, action: "verified" }, orderBy: { fileId: "asc" } });
    expect(events.map((e) => [e.fileId, e.note, e.actorId]).sort()).toEqual(
      [
        [good.id, "ok", prosecutorId],
        [bad.id, "mismatch", prosecutorId],
        [gone.id, "missing", prosecutorId],
      ].sort(),
    );
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.verify", entityId: item.id } });
    expect(JSON.parse(audit.data!)).toMatchObject({ files: 3, ok: 1, mismatched: 1, missing: 1 });
    fs.writeFileSync(blob, fs.readFileSync(blob).subarray(0, 4096));
  });

  test("a plain form post (no JavaScript) is sent back to the item page", async () => {
    const item = await newItem();
    await newFile(item.id);
    const req = request(`${evidenceItemPath(caseId, item.id)}/verify`, {
      method: "POST",
      cookie: await cookieFor("prosecutor"),
      form: {},
      headers: { "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Site": "same-origin" },
    });
    const result = await callAction(verifyAction, req, { caseId, evidenceId: item.id });
    if (result.kind === "error") throw result.error;
    expect(result.status).toBe(302);
    expect(result.location).toBe(evidenceItemPath(caseId, item.id));
  });

  test("refusals: an approver 403, another procuratorate's prosecutor 404, an item of another case 404, a cross-site post 403; nothing recorded", async () => {
    const item = await newItem();
    await newFile(item.id);
    const elsewhere = await createUser({ role: "prosecutor" });
    const other = await createCase({ procuratorateId, leadProsecutorId: prosecutorId });
    expect((await post(item.id, await cookieFor("chief"))).status).toBe(403);
    expect((await post(item.id, await cookieForUserId(elsewhere.id))).status).toBe(404);
    expect((await post(item.id, await cookieFor("prosecutor"), other.id)).status).toBe(404);
    const crossSite = request(`${evidenceItemPath(caseId, item.id)}/verify`, {
      method: "POST",
      cookie: await cookieFor("prosecutor"),
      form: {},
      headers: { Origin: "https://evil.example" },
    });
    expect((await callAction(verifyAction, crossSite, { caseId, evidenceId: item.id })).status).toBe(403);
    expect(await prisma.custodyEvent.count({ where: { evidenceId: item.id, action: "verified" } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "evidence.verify", entityId: item.id } })).toBe(0);
  });
});
