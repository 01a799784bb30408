import fs from "node:fs";
import { createReadableStreamFromReadable } from "@remix-run/node";
import {
  contentDisposition,
  etagMatches,
  etagOf,
  fileContentSecurityPolicy,
  parseRange,
  safeMimeType,
  servesInline,
} from "~/domain/evidence/file-serving";

/**
 * The response for one stored file the caller has already authorised: inline for types a browser
 * shows safely, attachment + nosniff + a sandboxing CSP otherwise, ETag/304, Range/206/416 with
 * If-Range, streamed from disk (docs/decisions/0015-evidence-files.md). Used by evidence files and
 * reply attachments. `onRead` runs before the bytes are sent, with whether it is a download and the
 * range asked for (null: the whole file), e.g. to record a custody event.
 */
export async function serveStoredFile(
  request: Request,
  file: { sha256: string; mimeType: string; originalName: string },
  blob: { path: string; size: number },
  onRead?: (read: { download: boolean; range: { start: number; end: number } | null }) => Promise<void>,
): Promise<Response> {
  const download = new URL(request.url).searchParams.get("download") === "1";
  const inline = servesInline(file.mimeType, download);
  const etag = etagOf(file.sha256);
  const headers = new Headers({
    "Content-Type": inline ? safeMimeType(file.mimeType) : attachmentType(file.mimeType),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": fileContentSecurityPolicy(file.mimeType, inline),
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // The browser may keep a copy but must ask again every time (so permission is checked again);
    // no-transform keeps the compression middleware (scripts/serve.mjs) off ranges and bytes.
    "Cache-Control": "private, no-cache, no-transform",
    ETag: etag,
    "Accept-Ranges": "bytes",
  });

  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers });
  }

  // If-Range (RFC 9110 §13.1.5): a range of another version is answered with the whole file.
  const ifRange = request.headers.get("If-Range");
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get("Range"), blob.size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${blob.size}`);
    headers.set("Content-Length", "0");
    return new Response(null, { status: 416, headers });
  }

  if (request.method === "GET" && onRead) await onRead({ download, range });

  const start = range?.start ?? 0;
  const end = range?.end ?? blob.size - 1;
  const length = blob.size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${blob.size}`);
  const status = range ? 206 : 200;
  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });
  // Streamed from disk, never read whole: only the requested bytes.
  const body = createReadableStreamFromReadable(fs.createReadStream(blob.path, { start, end }));
  return new Response(body, { status, headers });
}

/** An attachment keeps its type for the save dialog, except types a browser might render. */
function attachmentType(mimeType: string): string {
  const type = safeMimeType(mimeType);
  return /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)$/.test(type)
    ? "application/octet-stream"
    : type;
}
