import { Transform } from "node:stream";
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";

const ABORT_DELAY = 5_000;

// The production server (scripts/serve.mjs) starts scheduled work through the server build,
// where this module is `build.entry.module`.
export { startScheduler } from "~/utils/scheduler.server";

/**
 * Server rendering. Pages wait for all data (no deferred streaming is used), and the HTML passes
 * through a filter that drops NUL bytes: React 18's stream writer leaves zero bytes where
 * multi-byte (Chinese) text crosses its internal buffer boundary (facebook/react#24985), and a
 * NUL is never valid in HTML.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
        onAllReady() {
          shellRendered = true;
          const body = stripNul();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          setSecurityHeaders(responseHeaders);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * Client navigations fetch loader and action data as `.data` responses: they carry the same
 * pages' data, so they get the same headers as the HTML.
 */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  setSecurityHeaders(response.headers);
  return response;
};

/**
 * Headers on every page and `.data` response: no sniffing, no framing (X-Frame-Options for old
 * browsers, CSP frame-ancestors for current ones), no Referer to other sites, and no caching:
 * pages show case data to signed-in users, and a shared or back-button cache must not keep it.
 */
export function setSecurityHeaders(headers: Headers): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "same-origin");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
}

export function stripNul(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.indexOf(0) === -1) return done(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) out[n++] = byte;
      done(null, out.subarray(0, n));
    },
  });
}
