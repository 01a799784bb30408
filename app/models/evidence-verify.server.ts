import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { recordAudit } from "~/models/audit.server";
import { recordCustody } from "~/models/custody.server";
import { filesRoot, pathForHash } from "~/storage/file-store.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Verification of the evidence store (issue 8 §5; docs/decisions/0015-evidence-files.md): every
// stored file is read again, streamed, and its SHA-256 compared with the hash recorded when it was
// uploaded (a hash never changes once recorded, DESIGN.md). Three kinds of problem:
// - mismatch: the bytes on disk no longer hash to the recorded value (changed, truncated);
// - missing: a row points at a blob that is not there;
// - orphan: a blob in DATA_DIR/files that no row of any table with a sha256 column points to
//   (EvidenceFile, ReplyAttachment, GeneratedDocument, DocumentTemplateVersion), for example what a
//   crash between storing a file and committing its row leaves behind.

export type FileCheck = "ok" | "mismatch" | "missing";

/** A blob or a temporary file younger than this may belong to an upload in progress: never an orphan. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

const HEX64 = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;

/** Streams a file through SHA-256; null when it does not exist. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number } | null> {
  const hash = createHash("sha256");
  let size = 0;
  try {
    await pipeline(
      fs.createReadStream(file, { highWaterMark: 1 << 20 }),
      new Writable({
        write(chunk: Buffer, _enc, done) {
          size += chunk.length;
          hash.update(chunk);
          done();
        },
      }),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR") return null;
    throw error;
  }
  return { sha256: hash.digest("hex"), size };
}

/** Checks one stored blob against its recorded hash and size. */
export async function checkBlob(sha256: string, size: bigint, root = filesRoot()): Promise<{ check: FileCheck; bytes: number; actual: string | null }> {
  const found = await hashFile(pathForHash(sha256, root));
  if (!found) return { check: "missing", bytes: 0, actual: null };
  const ok = found.sha256 === sha256 && BigInt(found.size) === size;
  return { check: ok ? "ok" : "mismatch", bytes: found.size, actual: found.sha256 };
}

// ─────────────────────────────── one item ("verify" button) ───────────────────────────────

export type ItemVerification = {
  evidenceId: string;
  files: { fileId: string; name: string; check: FileCheck }[];
  ok: number;
  mismatched: number;
  missing: number;
};

/**
 * Re-hashes the files of one item of a case of the procuratorate (404 otherwise), then records one
 * 'verified' custody event per file (note: ok / mismatch / missing) and an audit event, in one
 * transaction. The hashing runs before the transaction: the write lock is never held while a large
 * file is read.
 */
export async function verifyEvidenceItem(
  procuratorateId: string,
  caseId: string,
  evidenceId: string,
  actorId: string,
  { root = filesRoot(), now = new Date() }: { root?: string; now?: Date } = {},
): Promise<ItemVerification> {
  const item = await prisma.evidence.findFirst({
    where: { id: evidenceId, caseId, case: { procuratorateId } },
    select: {
      id: true,
      ordinal: true,
      files: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, sha256: true, size: true, originalName: true } },
    },
  });
  if (!item) notFound();
  const files: ItemVerification["files"] = [];
  for (const file of item.files) {
    const { check } = await checkBlob(file.sha256, file.size, root);
    files.push({ fileId: file.id, name: file.originalName, check });
  }
  const tally = (c: FileCheck) => files.filter((f) => f.check === c).length;
  const result = { evidenceId: item.id, files, ok: tally("ok"), mismatched: tally("mismatch"), missing: tally("missing") };
  await prisma.$transaction(async (tx) => {
    for (const f of files) {
      await recordCustody(tx, { evidenceId: item.id, fileId: f.fileId, action: "verified", actorId, note: f.check, at: now });
    }
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "evidence.verify",
      entityType: "Evidence",
      entityId: item.id,
      caseId,
      data: { ordinal: item.ordinal, files: files.length, ok: result.ok, mismatched: result.mismatched, missing: result.missing },
      at: now,
    });
  });
  return result;
}

// ─────────────────────────────── the whole store (npm run evidence:verify) ───────────────────────────────

export type ProblemFile = { fileId: string; name: string; sha256: string; check: Exclude<FileCheck, "ok">; actual: string | null };
export type VerificationReport = {
  startedAt: string;
  finishedAt: string;
  filesChecked: number;
  bytesChecked: number;
  mismatched: number;
  missing: number;
  /** Problems by case and item (files that passed are only counted). */
  cases: {
    caseId: string;
    number: string | null;
    title: string;
    items: { evidenceId: string; ordinal: number; title: string; files: ProblemFile[] }[];
  }[];
  orphans: { path: string; size: number; removed: boolean }[];
  /** Blobs and temporary files left alone because they are younger than ORPHAN_GRACE_MS. */
  skippedRecent: number;
};

const BATCH = 500;

/**
 * Re-hashes every stored evidence file, finds orphans (and removes them with cleanOrphans), records
 * an EvidenceVerification row and returns its report. Reads the rows in keyset batches and each
 * blob as a stream; only problems are kept for the report. A blob shared by several rows (the same
 * content stored once) is read once.
 */
export async function verifyEvidenceStore({
  cleanOrphans = false,
  root = filesRoot(),
  now = () => new Date(),
  onProgress,
}: {
  cleanOrphans?: boolean;
  root?: string;
  now?: () => Date;
  onProgress?: (done: number) => void;
} = {}): Promise<VerificationReport & { id: string }> {
  const startedAt = now();
  let filesChecked = 0;
  let bytesChecked = 0;
  const cases = new Map<string, VerificationReport["cases"][number]>();

  // In hash order (the sha256 index), so the rows that share a blob come together and it is read
  // once, remembering only the last result: memory stays flat however large the store.
  let after: { sha256: string; id: string } | undefined;
  let last: { key: string; check: FileCheck; actual: string | null } | undefined;
  for (;;) {
    const rows = await prisma.evidenceFile.findMany({
      where: after ? { OR: [{ sha256: { gt: after.sha256 } }, { sha256: after.sha256, id: { gt: after.id } }] } : {},
      orderBy: [{ sha256: "asc" }, { id: "asc" }],
      take: BATCH,
      select: {
        id: true,
        sha256: true,
        size: true,
        originalName: true,
        evidence: { select: { id: true, ordinal: true, title: true, case: { select: { id: true, number: true, title: true } } } },
      },
    });
    if (rows.length === 0) break;
    const tail = rows[rows.length - 1]!;
    after = { sha256: tail.sha256, id: tail.id };
    for (const row of rows) {
      const key = `${row.sha256}:${row.size}`;
      if (last?.key !== key) {
        const checked = await checkBlob(row.sha256, row.size, root);
        bytesChecked += checked.bytes;
        last = { key, check: checked.check, actual: checked.actual };
      }
      const result = last;
      filesChecked += 1;
      if (result.check !== "ok") {
        const c = row.evidence.case;
        let entry = cases.get(c.id);
        if (!entry) cases.set(c.id, (entry = { caseId: c.id, number: c.number, title: c.title, items: [] }));
        let item = entry.items.find((i) => i.evidenceId === row.evidence.id);
        if (!item) entry.items.push((item = { evidenceId: row.evidence.id, ordinal: row.evidence.ordinal, title: row.evidence.title, files: [] }));
        item.files.push({ fileId: row.id, name: row.originalName, sha256: row.sha256, check: result.check, actual: result.actual });
      }
    }
    onProgress?.(filesChecked);
  }

  const { orphans, skippedRecent } = await findOrphans(root, now(), cleanOrphans);
  const problems = [...cases.values()].flatMap((c) => c.items.flatMap((i) => i.files));
  const finishedAt = now();
  const report: VerificationReport = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    filesChecked,
    bytesChecked,
    mismatched: problems.filter((p) => p.check === "mismatch").length,
    missing: problems.filter((p) => p.check === "missing").length,
    cases: [...cases.values()].map((c) => ({ ...c, items: c.items.sort((a, b) => a.ordinal - b.ordinal) })),
    orphans,
    skippedRecent,
  };
  const row = await prisma.evidenceVerification.create({
    data: {
      startedAt,
      finishedAt,
      filesChecked,
      bytesChecked: BigInt(bytesChecked),
      mismatched: report.mismatched,
      missing: report.missing,
      orphans: orphans.length,
      orphansRemoved: orphans.filter((o) => o.removed).length,
      report: JSON.stringify(report),
    },
    select: { id: true },
  });
  return { id: row.id, ...report };
}

/**
 * Blobs under DATA_DIR/files/<2 hex>/ that no row points to, plus leftovers of interrupted writes
 * (files in tmp/, names that are not a hash). Anything modified within ORPHAN_GRACE_MS is left
 * alone: it may be an upload whose row is about to be committed (storeStream renames the blob into
 * place first). The referenced hashes are looked up per prefix folder: EvidenceFile by its sha256
 * index, the smaller tables (reply attachments, documents, templates) read once.
 */
async function findOrphans(root: string, now: Date, clean: boolean) {
  const orphans: VerificationReport["orphans"] = [];
  let skippedRecent = 0;
  const entries = await fs.promises.readdir(root, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const others = new Set(
    (
      await Promise.all([
        prisma.replyAttachment.findMany({ select: { sha256: true } }),
        prisma.generatedDocument.findMany({ select: { sha256: true } }),
        prisma.documentTemplateVersion.findMany({ select: { sha256: true } }),
        // A series batch's .zip (app/documents/batch.server.ts).
        prisma.documentBatch.findMany({ where: { zipSha256: { not: null } }, select: { zipSha256: true } }),
      ])
    )
      .flat()
      .map((r) => ("sha256" in r ? r.sha256 : (r.zipSha256 ?? ""))),
  );

  const consider = async (file: string, name: string, referenced: (name: string) => boolean) => {
    const stat = await fs.promises.lstat(file).catch(() => null);
    if (!stat || !stat.isFile()) return;
    if (HEX64.test(name) && referenced(name)) return;
    if (now.getTime() - stat.mtimeMs < ORPHAN_GRACE_MS) {
      skippedRecent += 1;
      return;
    }
    let removed = false;
    if (clean) {
      // Checked again right before removal: a blob an upload re-used meanwhile has a fresh mtime
      // (storeStream touches an existing blob when it stores the same content again).
      const again = await fs.promises.lstat(file).catch(() => null);
      if (again && now.getTime() - again.mtimeMs >= ORPHAN_GRACE_MS && !(HEX64.test(name) && (await isReferenced(name, others)))) {
        await fs.promises.rm(file, { force: true });
        removed = true;
      }
    }
    orphans.push({ path: path.relative(root, file), size: stat.size, removed });
  };

  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(root, entry.name);
    if (!entry.isDirectory()) continue;
    if (entry.name === "tmp") {
      for (const name of (await fs.promises.readdir(dir)).sort()) await consider(path.join(dir, name), name, () => false);
      continue;
    }
    if (!PREFIX.test(entry.name)) continue;
    const prefix = entry.name;
    const next = (parseInt(prefix, 16) + 1).toString(16).padStart(2, "0");
    const rows = await prisma.evidenceFile.findMany({
      where: { sha256: prefix === "ff" ? { gte: prefix } : { gte: prefix, lt: next } },
      select: { sha256: true },
      distinct: ["sha256"],
    });
    const evidence = new Set(rows.map((r) => r.sha256));
    for (const name of (await fs.promises.readdir(dir)).sort()) {
      await consider(path.join(dir, name), name, (h) => h.startsWith(prefix) && (evidence.has(h) || others.has(h)));
    }
  }
  return { orphans, skippedRecent };
}

async function isReferenced(sha256: string, others: Set<string>): Promise<boolean> {
  if (others.has(sha256)) return true;
  return (await prisma.evidenceFile.count({ where: { sha256 } })) > 0;
}

/** Whether any row (an evidence file, a reply attachment, a document, a template) records this hash. */
export async function isStoredHashReferenced(sha256: string): Promise<boolean> {
  const counts = await Promise.all([
    prisma.evidenceFile.count({ where: { sha256 } }),
    prisma.replyAttachment.count({ where: { sha256 } }),
    prisma.generatedDocument.count({ where: { sha256 } }),
    prisma.documentTemplateVersion.count({ where: { sha256 } }),
    prisma.documentBatch.count({ where: { zipSha256: sha256 } }),
  ]);
  return counts.some((n) => n > 0);
}

/** The last full verification, for the admin overview; null when it never ran. */
export async function lastStoreVerification() {
  const row = await prisma.evidenceVerification.findFirst({
    orderBy: { startedAt: "desc" },
    select: { startedAt: true, finishedAt: true, filesChecked: true, bytesChecked: true, mismatched: true, missing: true, orphans: true, orphansRemoved: true },
  });
  if (!row) return null;
  return { ...row, bytesChecked: Number(row.bytesChecked) };
}
