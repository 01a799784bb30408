import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { multipartRequest } from "#tests/support/multipart";
import { discardStaged } from "~/storage/file-store.server";
import { receiveUpload } from "~/storage/upload.server";

// An upload never holds the file in memory (issue 8: the server's RSS may grow by less than
// 64 MiB during a 1 GiB upload; `npm run bench:upload` measures that number, these tests check the
// two mechanisms behind it without timing anything, docs/decisions/0014 addendum):
//  - every chunk of the body can be collected once it was written (a long-lived promise raced
//    against each read once kept them all);
//  - the body is read no faster than it reaches the disk, through the same chain as production
//    (Node request -> Remix's web stream and Request -> receiveUpload -> busboy -> temporary file).

const MiB = 2 ** 20;

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "procura-upload-memory-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Bytes in the store's temporary folder: what receiveUpload has written so far. */
function staged(): number {
  const tmp = path.join(root, "tmp");
  if (!fs.existsSync(tmp)) return 0;
  return fs.readdirSync(tmp).reduce((sum, name) => sum + fs.statSync(path.join(tmp, name)).size, 0);
}

describe("receiveUpload's memory", () => {
  test("lets every chunk it has written be collected while the upload goes on", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const chunks: WeakRef<Uint8Array>[] = [];
    let aliveMidway = -1;
    async function* data() {
      for (let i = 0; i < 48; i++) {
        if (i === 40) {
          // 40 MiB were handed over; all but the last few must be gone after a collection.
          gc();
          aliveMidway = chunks.slice(0, 32).filter((ref) => ref.deref() !== undefined).length;
        }
        const chunk = new Uint8Array(MiB).fill(i);
        chunks.push(new WeakRef(chunk));
        yield chunk;
      }
    }
    const upload = await receiveUpload(multipartRequest("/upload", [{ name: "file", filename: "video.bin", data }]), { maxBytes: 64 * MiB, root });
    await discardStaged(upload.files);
    expect(upload.files[0]?.size).toBe(48n * BigInt(MiB));
    expect(aliveMidway).toBe(0);
  });

  test("reads a Node request's body no faster than the file reaches the disk", async () => {
    const size = 64 * MiB;
    let delivered = 0;
    let aheadMax = 0;
    // The production server hands Express's request (a Node IncomingMessage) to Remix the same way.
    const server = http.createServer(async (req, res) => {
      // What the socket has handed to the application (Remix's stream pump listens to the same event).
      req.on("data", (chunk: Buffer) => {
        delivered += chunk.length;
        aheadMax = Math.max(aheadMax, delivered - staged());
      });
      let answer: { status: number; body: unknown };
      try {
        // As @remix-run/express's createRemixRequest builds it (that function is not exported).
        const request = new Request(`http://127.0.0.1${req.url}`, {
          method: req.method,
          headers: { "Content-Type": req.headers["content-type"] ?? "" },
          body: createReadableStreamFromReadable(req),
          duplex: "half",
        } as RequestInit);
        const upload = await receiveUpload(request, { maxBytes: 2 * size, root });
        await discardStaged(upload.files);
        answer = { status: 200, body: { size: Number(upload.files[0]?.size) } };
      } catch (error) {
        answer = { status: 500, body: { error: String(error) } };
      }
      res.writeHead(answer.status, { "Content-Type": "application/json" }).end(JSON.stringify(answer.body));
    });
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const boundary = "----procura-memory-test";
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          { host: "127.0.0.1", port, path: "/upload", method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(head.length + size + tail.length) } },
          (response) => {
            let body = "";
            response.setEncoding("utf8");
            response.on("data", (text: string) => (body += text));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on("error", reject);
        request.write(head);
        const block = Buffer.alloc(MiB, 7);
        let sent = 0;
        const more = () => {
          while (sent < size) {
            sent += block.length;
            if (!request.write(block)) return void request.once("drain", more);
          }
          request.end(tail);
        };
        more();
      });
      expect(answer).toEqual({ status: 200, body: JSON.stringify({ size }) });
      // A few parser and stream buffers in flight, never the file (64 MiB here).
      expect(aheadMax).toBeLessThan(8 * MiB);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
