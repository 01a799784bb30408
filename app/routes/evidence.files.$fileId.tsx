import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { can } from "~/domain/auth/policy";
import {
  contentDisposition,
  etagMatches,
  etagOf,
  fileContentSecurityPolicy,
  parseRange,
  safeMimeType,
  servesInline,
} from "~/domain/evidence/file-serving";
import { findReadableFile, recordFileRead, statStoredBlob } from "~/models/evidence-file.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

// One stored evidence file (evidenceFilePath, app/domain/evidence/urls.ts): a resource route outside
// the staff layout, because panelists open it too. Permission is checked on every request, Range
// chunks included (app/models/evidence-file.server.ts); anyone not allowed gets 404, also for an
// unknown id. Headers, ranges and custody events: docs/decisions/0015-evidence-files.md.

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any signed-in user gets this far (not signed in: the sign-in page); the rest answers 404.
  const { actor, scope } = await requirePermission(request, "account:use");
  if (!can(actor, "evidence:file")) notFound();
  const file = (await findReadableFile(actor, scope, params.fileId ?? "")) ?? notFound();
  const blob = (await statStoredBlob(file)) ?? notFound();

  const url = new URL(request.url);
  const download = url.searchParams.get("download") === "1";
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

  // A download is recorded each time it starts (a resumed download's later chunks are not); a
  // preview once per user, file and day.
  if (request.method === "GET" && (range === null || range.start === 0 || !download)) {
    await recordFileRead(file, actor.userId, download ? "downloaded" : "viewed");
  }

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
