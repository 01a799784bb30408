import fsp from "node:fs/promises";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { can } from "~/domain/auth/policy";
import { findReadableAttachment } from "~/models/reply.server";
import { pathForHash } from "~/storage/file-store.server";
import { serveStoredFile } from "~/storage/serve-file.server";
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

  return serveStoredFile(request, file, blob);
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
