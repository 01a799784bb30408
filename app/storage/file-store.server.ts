import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { getEnv } from "~/utils/env.server";
import { AppError } from "~/utils/errors";

/**
 * Content-addressed file store for evidence and generated documents (DESIGN.md): a file lives at
 * DATA_DIR/files/<first two hex>/<sha256>. It is streamed to a temporary name in the same folder,
 * flushed, and renamed, so a crash never leaves a half-written file under a hash, and the row that
 * records the hash is committed only after the file is in place.
 */
export type StoredFile = {
  sha256: string;
  /** Bytes, as a bigint like the size columns (EvidenceFile, ReplyAttachment, GeneratedDocument). */
  size: bigint;
};

export class FileTooLargeError extends AppError {
  constructor(public readonly limit: number) {
    super("error.413", 413);
    this.message = `file exceeds ${limit} bytes`;
    this.name = "FileTooLargeError";
  }
}

export function filesRoot(): string {
  return path.join(getEnv().dataDir, "files");
}

export function pathForHash(sha256: string, root = filesRoot()): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a sha256 hex digest");
  return path.join(root, sha256.slice(0, 2), sha256);
}

/** Streams the input into the store; returns its SHA-256 and size. */
export async function storeStream(
  input: Readable | AsyncIterable<Uint8Array>,
  options: { maxBytes?: number; root?: string } = {},
): Promise<StoredFile> {
  const { sha256, size } = await placeStaged(await stageStream(input, options));
  return { sha256, size };
}

/** A file written, flushed and hashed under DATA_DIR/files/tmp, not yet in its place. */
export type StagedFile = StoredFile & { tmpPath: string; root: string };

/**
 * The first half of storeStream: streams the input to a temporary file (flushed), hashing and
 * counting while writing; over maxBytes it stops with FileTooLargeError and removes the temporary
 * file. Used directly when several files must all arrive before any is placed (an upload of
 * several files is placed only once the whole request was read: discardStaged otherwise).
 */
export async function stageStream(
  input: Readable | AsyncIterable<Uint8Array>,
  { maxBytes = 200 * 1024 * 1024, root = filesRoot() }: { maxBytes?: number; root?: string } = {},
): Promise<StagedFile> {
  const tmpDir = path.join(root, "tmp");
  await fs.promises.mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString("hex")}`);
  const hash = createHash("sha256");
  let size = 0; // a JS number counts bytes exactly up to 2^53 (8 PiB)
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    // flush: the data reaches the disk before the stream closes and the file is renamed.
    await pipeline(Readable.from(input), meter, fs.createWriteStream(tmp, { flush: true }));
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
  return { sha256: hash.digest("hex"), size: BigInt(size), tmpPath: tmp, root };
}

/** A staged file in its place: `created` when no copy was stored before (this call put it there). */
export type PlacedFile = StoredFile & { created: boolean; repaired: boolean; mtimeMs: number };

/**
 * The second half of storeStream: renames a staged file to its hash. When the content is already
 * stored, the existing copy is checked before it is kept (size first, then its SHA-256: reading it
 * costs as much as the upload's own write, once): a copy that does not match its name (a damaged
 * disk, a changed byte) is replaced by the staged one, which does match, so nothing recorded is
 * lost and the good upload repairs the store. The folder is flushed after the rename, so a row
 * committed after this never points at a file a power failure took away.
 */
export async function placeStaged(staged: StagedFile): Promise<PlacedFile> {
  const target = pathForHash(staged.sha256, staged.root);
  const dir = path.dirname(target);
  const madeDir = await fs.promises.mkdir(dir, { recursive: true });
  const existing = await fs.promises.stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing && existing.isFile() && (await sameContent(target, existing.size, staged))) {
    // Same content already stored and intact: a hash never changes once recorded, keep it.
    await fs.promises.rm(staged.tmpPath, { force: true });
    // Touched, so that `evidence:verify --clean-orphans` (which leaves blobs younger than an hour
    // alone) cannot remove it as an orphan before this upload's row is committed.
    const now = new Date();
    await fs.promises.utimes(target, now, now);
    return { sha256: staged.sha256, size: staged.size, created: false, repaired: false, mtimeMs: (await fs.promises.stat(target)).mtimeMs };
  }
  const repaired = existing !== null;
  if (repaired) console.warn(`file store: ${staged.sha256} did not match its hash; replaced by an intact upload of the same content`);
  // rename() replaces a damaged copy atomically: readers see the old or the new file, never half.
  await fs.promises.rename(staged.tmpPath, target);
  await syncDir(dir);
  if (madeDir) await syncDir(staged.root);
  const mtimeMs = (await fs.promises.stat(target)).mtimeMs;
  return { sha256: staged.sha256, size: staged.size, created: !repaired, repaired, mtimeMs };
}

/** Whether the stored file at `file` (of `size` bytes) holds exactly the staged content. */
async function sameContent(file: string, size: number, staged: StagedFile): Promise<boolean> {
  if (BigInt(size) !== staged.size) return false;
  const hash = createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex") === staged.sha256;
}

/** fsync of a folder: makes a rename (or a new entry) in it durable. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes placed files that this request created and that no committed row references, after the
 * rows could not be saved. `isReferenced` asks the database (any table that records a hash). A
 * file an upload meanwhile stored again (its mtime moved: placeStaged touches it) is left alone,
 * as is every file that existed before (created: false): other rows may point at it.
 */
export async function removeUnreferencedPlaced(
  placed: readonly PlacedFile[],
  isReferenced: (sha256: string) => Promise<boolean>,
  root = filesRoot(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const file of placed) {
    if (!file.created || removed.includes(file.sha256)) continue;
    const target = pathForHash(file.sha256, root);
    const stat = await fs.promises.stat(target).catch(() => null);
    // The last time this request placed or touched it (the same content may come twice).
    const ours = Math.max(...placed.filter((p) => p.sha256 === file.sha256).map((p) => p.mtimeMs));
    if (!stat || stat.mtimeMs !== ours) continue;
    if (await isReferenced(file.sha256)) continue;
    await fs.promises.rm(target, { force: true });
    removed.push(file.sha256);
  }
  return removed;
}

/** Removes staged files that will not be placed (the request failed). */
export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((f) => fs.promises.rm(f.tmpPath, { force: true })));
}

export function storeBuffer(data: Uint8Array, options?: { maxBytes?: number; root?: string }) {
  return storeStream(Readable.from([Buffer.from(data)]), options);
}

/**
 * Reads a small stored file whole (a template, a generated document) and checks that it still
 * hashes to its name: "missing" when it is not in the store, "damaged" when its bytes changed.
 */
export async function readStoredVerified(
  sha256: string,
  root = filesRoot(),
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: "missing" | "damaged" }> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(pathForHash(sha256, root));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: false, problem: "missing" };
    throw error;
  }
  if (createHash("sha256").update(bytes).digest("hex") !== sha256) return { ok: false, problem: "damaged" };
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
