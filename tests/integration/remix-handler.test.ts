import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
// eslint-disable-next-line no-restricted-imports -- the script lives outside app/ (no ~/ alias there)
import { createRemixRequest, sendRemixResponse } from "../../scripts/remix-handler.mjs";

// The production server's Remix handler (scripts/remix-handler.mjs, docs/decisions/0015 addendum)
// over real HTTP, behind the same compression middleware as scripts/serve.mjs. The body of each
// response is built the way the evidence file route builds it (a Node stream made a web stream).
// No timing is measured: the tests count bytes. @remix-run/express's sendRemixResponse, which this
// handler replaces, read the whole body ahead of a slow client (64 MiB here) and went on reading a
// file after the client had gone.

// Express and compression as scripts/serve.mjs uses them (the project has no types for them).
type Req = http.IncomingMessage & { method: string; query: Record<string, string | undefined> };
type Res = http.ServerResponse & { status(code: number): Res; end(body?: string): Res };
type Handler = (req: Req, res: Res, next: (error?: unknown) => void) => void;
interface App {
  set(name: string, value: unknown): void;
  use(handler: unknown): void;
  get(path: string, handler: Handler): void;
  all(path: string, handler: Handler): void;
  listen(port: number, host: string): http.Server;
}
const require = createRequire(import.meta.url);
const express = require("express") as () => App;
const compression = require("compression") as () => unknown;
/** The handler this one replaced (its helpers are in a file the package does not export). */
const remixExpress = require("@remix-run/express/dist/server.js") as {
  createRemixRequest: (req: Req, res: Res) => Request;
  sendRemixResponse: (res: Res, response: Response) => Promise<void>;
};

const MiB = 2 ** 20;
const SIZE = 64 * MiB;
/** Socket buffers (the kernel's on both ends) and a few stream buffers, never the body. */
const MAX_AHEAD = 16 * MiB;

/** A body source that counts what the server has read from it (random bytes: gzip cannot shrink them). */
class CountingSource extends Readable {
  produced = 0;
  constructor(private readonly size: number) {
    super({ highWaterMark: 64 * 1024 });
  }
  override _read(n: number) {
    const length = Math.min(n, 64 * 1024, this.size - this.produced);
    if (length <= 0) return void this.push(null);
    this.produced += length;
    this.push(randomBytes(length));
  }
}

let root: string;
let server: http.Server;
let base: string;
/** The source the next request to /body streams, and what the handler ended with. */
let nextBody: () => Readable;
let outcome: Promise<unknown>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "procura-remix-handler-"));
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(compression());
  app.get("/body", (req, res) => {
    createRemixRequest(req, res);
    const headers = new Headers({ "Content-Type": String(req.query.type ?? "application/octet-stream") });
    if (req.query.transform !== "1") headers.set("Cache-Control", "private, no-cache, no-transform");
    const response = new Response(createReadableStreamFromReadable(nextBody()), { status: 200, headers });
    outcome = sendRemixResponse(res, response).then(
      () => "sent",
      (error: unknown) => error,
    );
  });
  app.all("/echo", async (req, res, next) => {
    try {
      const ours = createRemixRequest(req, res);
      const theirs = remixExpress.createRemixRequest(req, res);
      const body = ours.body ? await ours.text() : null;
      void theirs.body?.cancel();
      const headers = new Headers({ "Content-Type": "application/json" });
      headers.append("Set-Cookie", "a=1; Path=/; HttpOnly");
      headers.append("Set-Cookie", "b=2; Path=/");
      const json = JSON.stringify({
        url: ours.url,
        sameUrl: ours.url === theirs.url,
        sameHeaders: JSON.stringify([...ours.headers]) === JSON.stringify([...theirs.headers]),
        method: ours.method,
        body,
      });
      await sendRemixResponse(res, new Response(req.method === "HEAD" ? null : json, { status: 201, statusText: "Made", headers }));
    } catch (error) {
      next(error);
    }
  });
  app.get("/redirect", (_req, res, next) => {
    sendRemixResponse(res, new Response(null, { status: 302, headers: { Location: "/somewhere" } })).catch(next);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Reads `url` slowly: after every chunk it waits for a timer before taking the next, so the
 * server's socket fills up. Records how far the source was ahead of what the client had consumed.
 */
function slowDownload(url: string, source: CountingSource, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; encoding?: string; consumed: number; aheadMax: number }>((resolve, reject) => {
    let consumed = 0;
    let aheadMax = 0;
    http
      .get(url, { headers }, (response) => {
        response.on("data", (chunk: Buffer) => {
          consumed += chunk.length;
          aheadMax = Math.max(aheadMax, source.produced - consumed);
          response.pause();
          setTimeout(() => response.resume(), 1);
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, encoding: response.headers["content-encoding"], consumed, aheadMax }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

describe("sendRemixResponse", () => {
  test("reads a streamed body no faster than a slow client takes it", async () => {
    const source = new CountingSource(SIZE);
    nextBody = () => source;
    const result = await slowDownload(`${base}/body`, source);
    expect(await outcome).toBe("sent");
    expect(result).toMatchObject({ status: 200, encoding: undefined, consumed: SIZE });
    expect(result.aheadMax).toBeLessThan(MAX_AHEAD);
  });

  test("also when the compression middleware compresses the body", async () => {
    const source = new CountingSource(SIZE / 2);
    nextBody = () => source;
    const result = await slowDownload(`${base}/body?type=text/plain&transform=1`, source, { "Accept-Encoding": "gzip" });
    expect(await outcome).toBe("sent");
    expect(result.encoding).toBe("gzip");
    // Random bytes: gzip's output is about as long as its input.
    expect(result.consumed).toBeGreaterThan(SIZE / 2);
    expect(result.aheadMax).toBeLessThan(MAX_AHEAD);
  });

  test("stops reading and closes the file when the client goes away", async () => {
    const file = path.join(root, "big.bin");
    fs.writeFileSync(file, "");
    fs.truncateSync(file, SIZE); // sparse: no disk needed
    let read = 0;
    let closed!: Promise<void>;
    nextBody = () => {
      const stream = fs.createReadStream(file);
      stream.on("data", (chunk) => (read += chunk.length));
      closed = new Promise((resolve) => stream.once("close", () => resolve()));
      return stream;
    };
    await new Promise<void>((resolve, reject) => {
      const request = http.get(`${base}/body`, (response) => {
        let consumed = 0;
        response.on("data", (chunk: Buffer) => {
          consumed += chunk.length;
          if (consumed >= MiB) {
            request.destroy();
            resolve();
          }
        });
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? undefined : reject(error)));
    });
    await closed;
    // A client that left is not an error of the server's.
    expect(await outcome).toBe("sent");
    expect(read).toBeLessThan(MAX_AHEAD);
  });

  test("cuts the connection when the body fails midway, and rejects with the error (Express's next)", async () => {
    nextBody = () => {
      let sent = 0;
      return new Readable({
        read() {
          if (sent >= MiB) return void this.destroy(new Error("disk gone"));
          sent += 64 * 1024;
          this.push(Buffer.alloc(64 * 1024));
        },
      });
    };
    const client = await new Promise<{ status: number; error: string }>((resolve) => {
      http.get(`${base}/body`, (response) => {
        response.resume();
        response.on("error", (error) => resolve({ status: response.statusCode ?? 0, error: error.message }));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, error: "" }));
      }).on("error", (error) => resolve({ status: 0, error: error.message }));
    });
    expect(client).toEqual({ status: 200, error: "aborted" });
    expect(String(await outcome)).toMatch(/disk gone/);
  });
});

describe("the handler keeps @remix-run/express's behaviour", () => {
  test("same request URL (forwarded host and port through a trusted proxy), headers and body", async () => {
    const answer = await fetch(`${base}/echo?x=1`, {
      method: "POST",
      headers: { "X-Forwarded-Host": "procura.example:8443", "X-Forwarded-Proto": "https", "Content-Type": "text/plain" },
      body: "hello",
    });
    expect(answer.status).toBe(201);
    expect(answer.statusText).toBe("Made");
    expect(answer.headers.getSetCookie()).toEqual(["a=1; Path=/; HttpOnly", "b=2; Path=/"]);
    expect(await answer.json()).toEqual({ url: "https://procura.example:8443/echo?x=1", sameUrl: true, sameHeaders: true, method: "POST", body: "hello" });
  });

  test("HEAD, redirects and compression of a compressible page", async () => {
    const head = await fetch(`${base}/echo`, { method: "HEAD" });
    expect(head.status).toBe(201);
    expect(head.headers.getSetCookie()).toHaveLength(2);
    const redirect = await fetch(`${base}/redirect`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe("/somewhere");
    const page = await fetch(`${base}/echo`, { headers: { "Accept-Encoding": "gzip" } });
    expect(page.headers.get("Content-Encoding")).toBe("gzip");
    expect((await page.json()).method).toBe("GET");
  });
});
