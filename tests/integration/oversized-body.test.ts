import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { action as loginAction } from "~/routes/login";
import { MAX_FORM_BYTES } from "~/utils/form.server";

/**
 * An oversized form body over a real socket. The server hands the action the request the way
 * @remix-run/express does (the body is createReadableStreamFromReadable(req), whose cancel
 * destroys the socket), and answers what the action returns or throws. Before the fix, a chunked
 * body over MAX_FORM_BYTES had its stream cancelled mid-upload and the client saw a connection
 * reset instead of 413.
 */

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    // Node's fetch needs duplex for a streamed body (as in @remix-run/express).
    const requestInit: RequestInit & { duplex: "half" } = {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: createReadableStreamFromReadable(req),
      signal: controller.signal,
      duplex: "half",
    };
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, requestInit);
    let answer: unknown;
    try {
      answer = await loginAction({ request, params: {}, context: { clientIp: "203.0.113.9" } });
    } catch (thrown) {
      answer = thrown;
    }
    // A Response (thrown or returned), or a data() result with its status.
    const init = (answer as { init?: ResponseInit | null } | null)?.init;
    res.statusCode = answer instanceof Response ? answer.status : (init?.status ?? 200);
    res.end(answer instanceof Response ? await answer.text() : "ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * Sends a raw request whose body is `total` bytes of form text in chunks of `chunk` bytes, and
 * resolves with the status line, or rejects with the socket error (ECONNRESET, EPIPE).
 */
function send(total: number, opts: { chunked: boolean; chunk?: number }): Promise<string> {
  const chunk = opts.chunk ?? 16 * 1024;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let response = "";
    socket.on("data", (d) => (response += d.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => (response ? resolve(response.split("\r\n")[0]!) : reject(new Error("closed without an answer"))));
    socket.on("connect", async () => {
      const origin = `http://127.0.0.1:${port}`;
      socket.write(
        [
          "POST /login HTTP/1.1",
          `Host: 127.0.0.1:${port}`,
          `Origin: ${origin}`,
          "Content-Type: application/x-www-form-urlencoded",
          opts.chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${total + "username=u&password=".length}`,
          "Connection: close",
          "",
          "",
        ].join("\r\n"),
      );
      const write = (data: string) =>
        new Promise<void>((done) => {
          if (socket.destroyed) return done();
          const payload = opts.chunked ? `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n` : data;
          if (socket.write(payload)) done();
          else socket.once("drain", () => done());
        });
      try {
        await write("username=u&password=");
        for (let sent = 0; sent < total && !socket.destroyed; sent += chunk) await write("p".repeat(Math.min(chunk, total - sent)));
        if (opts.chunked && !socket.destroyed) socket.write("0\r\n\r\n");
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe("a form body over the size cap", () => {
  test("chunked, a little over the cap: 413, not a connection reset", async () => {
    expect(await send(MAX_FORM_BYTES + 64 * 1024, { chunked: true })).toMatch(/^HTTP\/1\.1 413 /);
  });

  test("chunked, several megabytes: 413", async () => {
    expect(await send(4 * 1024 * 1024, { chunked: true, chunk: 64 * 1024 })).toMatch(/^HTTP\/1\.1 413 /);
  });

  test("with a Content-Length over the cap: 413", async () => {
    expect(await send(MAX_FORM_BYTES * 2, { chunked: false })).toMatch(/^HTTP\/1\.1 413 /);
  });

  test("a body under the cap still reaches the action (an unknown user: 401)", async () => {
    expect(await send(100, { chunked: true })).toMatch(/^HTTP\/1\.1 401 /);
  });
});
