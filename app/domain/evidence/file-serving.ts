// How a stored evidence file is sent to a browser (docs/decisions/0015-evidence-files.md): which
// types open inline, the Content-Disposition with the file's (Chinese) name, the sandboxing CSP,
// and single byte ranges (RFC 9110 §14). Pure: the route and its tests share it.

/** A MIME type as `type/subtype`, no parameters; anything else is served as octet-stream. */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

export function safeMimeType(mimeType: string): string {
  const lower = mimeType.trim().toLowerCase();
  return MIME.test(lower) ? lower : "application/octet-stream";
}

/**
 * Images (except SVG, which is a document that can run script), PDF, audio and video open inline;
 * everything else, and anything asked for as a download, is an attachment.
 */
export function servesInline(mimeType: string, download = false): boolean {
  if (download) return false;
  const type = safeMimeType(mimeType);
  if (type === "image/svg+xml") return false;
  if (type === "application/pdf") return true;
  return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
}

/**
 * Content-Disposition with the name twice (RFC 6266 §4.3): an ASCII fallback in `filename` for old
 * clients and the real name in `filename*`, UTF-8 percent-encoded (RFC 8187, formerly 5987).
 */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "file";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // encodeURIComponent leaves !'()* alone; RFC 8187's attr-char excludes ' ( ) *.
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The Content-Security-Policy of a file response. Nothing in it may run in our origin:
 * - every file but a PDF is `sandbox`ed (a unique opaque origin, no script, no forms, no plugins),
 *   may load nothing but itself (img-src / media-src 'self' for the browser's own image and media
 *   documents) and may style only inline (those synthetic documents carry inline styles);
 * - a PDF cannot be sandboxed: Chromium refuses to start its PDF viewer in a sandboxed document
 *   (the page shows "blocked"), and its synthetic viewer page needs inline styles and its own
 *   <embed> (object-src 'self'). The PDF viewer runs in its own extension origin and PDFium's
 *   script never reaches our DOM, so the PDF keeps every other limit.
 * Our own pages may frame a preview (frame-ancestors 'self'), nobody else may.
 */
export function fileContentSecurityPolicy(mimeType: string, inline: boolean): string {
  const pdf = inline && safeMimeType(mimeType) === "application/pdf";
  return [
    ...(pdf ? [] : ["sandbox"]),
    "default-src 'none'",
    "img-src 'self'",
    "media-src 'self'",
    "style-src 'unsafe-inline'",
    ...(pdf ? ["object-src 'self'"] : []),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** A strong ETag from the file's SHA-256 (the content, so it never changes for a stored file). */
export const etagOf = (sha256: string) => `"${sha256}"`;

/** Whether an If-None-Match header names this ETag (or "*"); weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}

/** An inclusive byte range of a file. */
export type ByteRange = { start: number; end: number };

/**
 * Reads a Range header against a file of `size` bytes:
 * - null: no range to honour (no header, another unit, a malformed or multi-range header, which a
 *   server may ignore: RFC 9110 §14.2) → answer 200 with the whole file;
 * - "unsatisfiable": a well-formed single range that selects nothing → 416;
 * - a range, clamped to the file: `bytes=a-b`, `bytes=a-`, `bytes=-n` (the last n bytes) → 206.
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return null;
  const [, first, last] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // suffix range: the last n bytes
    const n = Number(last);
    if (!Number.isSafeInteger(n)) return null;
    if (n === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if (last !== "" && end < start) return null; // invalid: ignore the header
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}
