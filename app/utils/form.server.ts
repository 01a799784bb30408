import { httpError } from "~/utils/errors";

/** Forms carry text; files go through the evidence upload, which streams. */
export const MAX_FORM_BYTES = 256 * 1024;

/**
 * Set by scripts/serve.mjs when it took away an Origin header that names another site (Remix's
 * own check would otherwise abort such a request with an empty 500 before any action runs), so
 * that the action refuses it here with 403 and the app's error page.
 */
export const REFUSED_ORIGIN_HEADER = "x-procura-refused-origin";

/**
 * Refuses a cross-site write (CSRF) with 403. A browser says where a request comes from in
 * Sec-Fetch-Site, Origin or Referer; a write is accepted only when one of them says "this site"
 * and none says another: Sec-Fetch-Site must be same-origin (or none, a typed address) when sent,
 * Origin must equal the request's own origin (scheme and host, as the server sees them: behind a
 * TLS proxy set TRUST_PROXY) when sent, and without Origin the Referer's origin must match or
 * Sec-Fetch-Site must be sent. A write that carries none of them is refused.
 */
export function assertSameOrigin(request: Request): void {
  if (request.method === "GET" || request.method === "HEAD") return;
  const headers = request.headers;
  if (headers.has(REFUSED_ORIGIN_HEADER)) httpError(403);
  const own = new URL(request.url).origin;
  const fetchSite = headers.get("Sec-Fetch-Site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") httpError(403);
  const origin = headers.get("Origin");
  if (origin !== null) {
    if (origin !== own) httpError(403);
    return;
  }
  if (fetchSite !== null) return;
  const referer = headers.get("Referer");
  if (referer === null || originOf(referer) !== own) httpError(403);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * C0 controls other than tab, line feed and carriage return, and DEL (never typed into a form), a
 * lone surrogate (with the u flag the range matches only unpaired halves), and U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const UNCLEAN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF\uFFFD]/u;

/**
 * True when a form text is clean: no control characters (see above), no lone surrogate, and no
 * U+FFFD, which is what a failed UTF-8 decode (a percent-escaped or raw invalid byte) leaves.
 */
export function isCleanText(value: string): boolean {
  return !UNCLEAN.test(value);
}

/**
 * Reads a form body for an action. A cross-site write answers 403 (assertSameOrigin); a body
 * larger than MAX_FORM_BYTES answers 413 before it is read; a body that is not a form (JSON,
 * plain text, a broken encoding), is not valid UTF-8, or has a field with control characters
 * answers 400.
 */
export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  assertSameOrigin(request);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) {
    if (request.body && declared <= MAX_DISCARD_BYTES) await discardRest(request.body.getReader(), declared);
    httpError(413);
  }
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) httpError(400);
  let body: ArrayBuffer;
  try {
    body = await readCapped(request, maxBytes);
  } catch (error) {
    if (error instanceof Response) throw error;
    return httpError(400);
  }
  let form: FormData;
  try {
    if (/^application\/x-www-form-urlencoded\b/i.test(type)) new TextDecoder("utf-8", { fatal: true }).decode(body);
    form = await new Response(body, { headers: { "Content-Type": type } }).formData();
  } catch {
    return httpError(400);
  }
  for (const [name, value] of form) {
    const text = typeof value === "string" ? value : value.name;
    if (!isCleanText(name) || !isCleanText(text)) httpError(400);
  }
  return form;
}

/**
 * How much of an oversized body is still read (and thrown away) so that the 413 reaches the
 * client. Cancelling the stream would destroy the socket under a client that is still sending,
 * which then sees a connection reset instead of the answer (a chunked body has no Content-Length
 * to refuse up front). Past this much the connection is cut after all.
 */
export const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/** Reads the body, stopping at the cap even when Content-Length is missing or wrong. */
async function readCapped(request: Request, maxBytes: number): Promise<ArrayBuffer> {
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader, MAX_DISCARD_BYTES - size);
      httpError(413);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out.buffer;
}

/** Reads and drops the rest of a body, up to `budget` bytes; cancels the stream past that. */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, budget: number): Promise<void> {
  let left = budget;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.byteLength;
      if (left < 0) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing to answer.
  }
}
