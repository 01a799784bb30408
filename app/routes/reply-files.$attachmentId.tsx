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
import { findReadableAttachment } from "~/models/reply.server";
import { pathForHash } from "~/storage/file-store.server";
import fsp from "node:fs/promises";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

// One reply attachment (rectification evidence, issue 11): a resource route outside both areas,
// because the case's staff and the replying agency's liaison open it. Permission is checked on every
// request, Range chunks included (findReadableAttachment in app/models/reply.server.ts); anyone else,
// and an unknown id, gets 404. Headers and ranges as for evidence files (docs/decisions/0015-evidence-files.md).

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Any signed-in user gets this far (not signed in: the sign-in page); the rest answers 404.
  const { actor, scope } = await requirePermission(request, "account:use");
  if (!can(actor, "reply:file")) notFound();
  const file = (await findReadableAttachment(actor, scope, params.attachmentId ?? "")) ?? notFound();
  const blob = (await storedBlob(file.sha256)) ?? notFound();

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

/** The stored blob's path and size, or null when it is missing. */
async function storedBlob(sha256: string): Promise<{ path: string; size: number } | null> {
  const path = pathForHash(sha256);
  try {
    const stat = await fsp.stat(path);
    return stat.isFile() ? { path, size: stat.size } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    console.error(`reply attachment blob ${sha256} is missing`);
    return null;
  }
}
