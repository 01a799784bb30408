import { Transform } from "node:stream";
import type { EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "~/utils/nonce";
import { createNonce, setSecurityHeaders } from "~/utils/security-headers.server";

const ABORT_DELAY = 5_000;

// The production server (scripts/serve.mjs) starts scheduled work through the server build,
// where this module is `build.entry.module`.
export { startScheduler } from "~/utils/scheduler.server";

/**
 * Server rendering. Pages wait for all data (no deferred streaming is used), and the HTML passes
 * through a filter that drops NUL bytes: React 18's stream writer leaves zero bytes where
 * multi-byte (Chinese) text crosses its internal buffer boundary (facebook/react#24985), and a
 * NUL is never valid in HTML. Each response gets a fresh CSP nonce, which Remix's inline scripts
 * carry (app/root.tsx reads it from NonceContext) and the Content-Security-Policy names.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = createNonce();
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const body = stripNul();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          setSecurityHeaders(responseHeaders, { nonce });
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
 * pages' data, so they get the same headers as the HTML (a CSP without a nonce: nothing runs).
 */
export const handleDataRequest: HandleDataRequestFunction = (response) => {
  setSecurityHeaders(response.headers);
  return response;
};

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
