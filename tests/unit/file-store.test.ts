import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileTooLargeError, pathForHash, placeStaged, removeUnreferencedPlaced, stageStream, storeBuffer, storeStream } from "~/storage/file-store.server";

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

  it("repairs a damaged stored copy (same size, a byte changed) when the same content is uploaded again", async () => {
    const data = Buffer.from("证据照片的原始字节 0123456789");
    const a = await storeBuffer(data, { root });
    const file = pathForHash(a.sha256, root);
    const damaged = Buffer.from(data);
    damaged[3] = damaged[3]! ^ 0xff;
    fs.writeFileSync(file, damaged);
    const placed = await placeStaged(await stageStream(Readable.from([data]), { root }));
    expect(placed).toMatchObject({ sha256: a.sha256, created: false, repaired: true });
    expect(fs.readFileSync(file)).toEqual(data);
    expect(fs.readdirSync(path.join(root, "tmp"))).toEqual([]);
  });

  it("repairs a truncated stored copy (size differs) without hashing it", async () => {
    const data = Buffer.alloc(256 * 1024, 7);
    const a = await storeBuffer(data, { root });
    const file = pathForHash(a.sha256, root);
    fs.truncateSync(file, 1000);
    const b = await storeBuffer(data, { root });
    expect(b).toEqual(a);
    expect(sha(fs.readFileSync(file))).toBe(a.sha256);
  });

  it("removes a newly placed file no row references, and keeps one that existed before", async () => {
    const before = await placeStaged(await stageStream(Readable.from([Buffer.from("referenced elsewhere")]), { root }));
    const again = await placeStaged(await stageStream(Readable.from([Buffer.from("referenced elsewhere")]), { root }));
    const fresh = await placeStaged(await stageStream(Readable.from([Buffer.from("only this upload")]), { root }));
    const freshTwice = await placeStaged(await stageStream(Readable.from([Buffer.from("only this upload")]), { root }));
    expect(before.created).toBe(true);
    expect(again.created).toBe(false);
    expect([fresh.created, freshTwice.created]).toEqual([true, false]);
    const removed = await removeUnreferencedPlaced([again, fresh, freshTwice], async () => false, root);
    expect(removed).toEqual([fresh.sha256]);
    expect(fs.existsSync(pathForHash(fresh.sha256, root))).toBe(false);
    expect(fs.existsSync(pathForHash(before.sha256, root))).toBe(true);
  });

  it("keeps a newly placed file that a row references by now", async () => {
    const fresh = await placeStaged(await stageStream(Readable.from([Buffer.from("committed by another upload")]), { root }));
    expect(await removeUnreferencedPlaced([fresh], async () => true, root)).toEqual([]);
    expect(fs.existsSync(pathForHash(fresh.sha256, root))).toBe(true);
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
