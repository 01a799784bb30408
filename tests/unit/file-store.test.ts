import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileTooLargeError, pathForHash, storeBuffer, storeStream } from "~/storage/file-store.server";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "procura-store-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("content-addressed file store", () => {
  it("stores a file under its SHA-256 and reports its size", async () => {
    const data = Buffer.from("桂阳县 废弃口罩 现场照片");
    const stored = await storeBuffer(data, { root });
    expect(stored).toEqual({ sha256: sha(data), size: BigInt(data.length) });
    expect(fs.readFileSync(pathForHash(stored.sha256, root))).toEqual(data);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  });

  it("streams large input in chunks", async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(64 * 1024, i));
    const stored = await storeStream(Readable.from(chunks), { root });
    expect(stored.size).toBe(BigInt(64 * 64 * 1024));
    expect(stored.sha256).toBe(sha(Buffer.concat(chunks)));
  });

  it("keeps the first copy when the same content is stored twice", async () => {
    const a = await storeBuffer(Buffer.from("same"), { root });
    // The same file (inode), not a new copy renamed over it; its time is touched on purpose, so
    // that evidence:verify --clean-orphans leaves it to the upload that stored it again.
    const before = fs.statSync(pathForHash(a.sha256, root)).ino;
    const b = await storeBuffer(Buffer.from("same"), { root });
    expect(b.sha256).toBe(a.sha256);
    expect(fs.statSync(pathForHash(a.sha256, root)).ino).toBe(before);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  });

  it("refuses a file over the limit and leaves nothing behind", async () => {
    await expect(storeBuffer(Buffer.alloc(2048), { root, maxBytes: 1024 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
    const dirs = fs.readdirSync(root).filter((d) => d !== "tmp");
    expect(dirs).toEqual([]);
  });

  it("rejects a path for anything but a hex digest", () => {
    expect(() => pathForHash("../../etc/passwd", root)).toThrow();
  });
});
