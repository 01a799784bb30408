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
  return placeStaged(await stageStream(input, options));
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

/** The second half of storeStream: renames a staged file to its hash (or drops it if the content is already stored). */
export async function placeStaged(staged: StagedFile): Promise<StoredFile> {
  const target = pathForHash(staged.sha256, staged.root);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) {
    // Same content already stored: a hash never changes once recorded, so keep the first copy.
    await fs.promises.rm(staged.tmpPath, { force: true });
    // Touched, so that `evidence:verify --clean-orphans` (which leaves blobs younger than an hour
    // alone) cannot remove it as an orphan before this upload's row is committed.
    const now = new Date();
    await fs.promises.utimes(target, now, now);
  } else {
    await fs.promises.rename(staged.tmpPath, target);
  }
  return { sha256: staged.sha256, size: staged.size };
}

/** Removes staged files that will not be placed (the request failed). */
export async function discardStaged(staged: readonly StagedFile[]): Promise<void> {
  await Promise.all(staged.map((f) => fs.promises.rm(f.tmpPath, { force: true })));
}

export function storeBuffer(data: Uint8Array, options?: { maxBytes?: number; root?: string }) {
  return storeStream(Readable.from([Buffer.from(data)]), options);
}
