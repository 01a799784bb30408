// The Express request handler for the Remix build, in place of @remix-run/express's
// createRequestHandler (v2.17.5), which it copies except for one thing: the response body.
//
// @remix-run/express writes the body with @remix-run/node's writeReadableStreamToWritable, which
// calls res.write() for each chunk without waiting for 'drain' when the socket is full. A slow
// client therefore makes the server read a streamed body as fast as the disk gives it and keep it
// all in memory: a slow download of a 256 MiB evidence file grew a worker's RSS from 148 to
// 381 MiB (docs/decisions/0015, addendum). It also went on reading the whole file after the client
// had gone. Here writeBody waits for 'drain' (also through the compression middleware, which
// passes 'drain' on), and a client that hangs up cancels the web stream, which closes the file.
// tests/integration/remix-handler.test.ts checks both.
import { createReadableStreamFromReadable, createRequestHandler as createRemixRequestHandler } from "@remix-run/node";

/**
 * An Express handler serving `build`: builds the web Request from Express's request, asks Remix,
 * and sends the Response back with backpressure.
 *
 * @param {{ build: import("@remix-run/node").ServerBuild | (() => Promise<import("@remix-run/node").ServerBuild>), mode?: string, getLoadContext?: (req: import("express").Request, res: import("express").Response) => unknown }} options
 * @returns {import("express").RequestHandler}
 */
export function createRequestHandler({ build, getLoadContext, mode = process.env.NODE_ENV }) {
  const handleRequest = createRemixRequestHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      const loadContext = await getLoadContext?.(req, res);
      const response = await handleRequest(request, /** @type {any} */ (loadContext));
      await sendRemixResponse(res, response);
    } catch (error) {
      // Express does not await handlers: pass the error on (it answers 500, or cuts a response
      // that has started).
      next(error);
    }
  };
}

/**
 * The web Request for an Express request, as @remix-run/express builds it: the URL from the
 * protocol, the host Express trusts (req.hostname, "trust proxy") and the port of
 * X-Forwarded-Host or Host, and req.originalUrl; every header (repeated ones appended); the body
 * streamed for anything but GET and HEAD; a signal that aborts when the client goes away before
 * the response was finished.
 *
 * @param {import("express").Request} req
 * @param {import("express").Response} res
 */
export function createRemixRequest(req, res) {
  const portOf = (/** @type {string | undefined} */ host) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : "";
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }

  /** @type {AbortController | null} */
  let controller = new AbortController();
  /** @type {RequestInit & { duplex?: "half" }} */
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  // 'finish': the response was handed over; 'close' before that: it can no longer be written.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

/**
 * Sends a web Response on an Express response: status, status text, every header (each
 * Set-Cookie on its own line), then the body no faster than the client takes it. Resolves when the
 * body was sent or the client went away (the body stream is cancelled then); rejects when the
 * body stream failed (the connection is cut, the client sees a short response).
 *
 * @param {import("express").Response} res
 * @param {Response} response
 */
export async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

/**
 * Writes a web stream to the response, waiting for 'drain' whenever the socket is full. When the
 * client goes away the stream is cancelled without a reason: Remix's stream made from a Node
 * stream destroys that stream with the reason, and a file stream destroyed with an error nobody
 * listens to would crash the process. (stream.pipeline cancels with an error, hence this loop.)
 *
 * @param {ReadableStream<Uint8Array>} body
 * @param {import("express").Response} res
 */
async function writeBody(body, res) {
  const reader = body.getReader();
  let gone = false;
  /** @type {(() => void) | null} */
  let wake = null;
  const onClose = () => {
    gone = true;
    wake?.();
  };
  const onDrain = () => wake?.();
  res.on("close", onClose);
  res.on("drain", onDrain);
  try {
    for (;;) {
      if (gone) {
        await reader.cancel().catch(() => {});
        return;
      }
      const { done, value } = await reader.read();
      if (done) {
        res.end();
        return;
      }
      const more = res.write(value);
      // The compression middleware's flush: a streamed page reaches the browser chunk by chunk.
      if (typeof (/** @type {any} */ (res).flush) === "function") /** @type {any} */ (res).flush();
      if (!more && !gone) await new Promise((resolve) => (wake = () => resolve(undefined)));
      wake = null;
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    res.destroy(/** @type {Error} */ (error));
    throw error;
  } finally {
    res.off("close", onClose);
    res.off("drain", onDrain);
  }
}
