import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { formatFileSize } from "~/components/portal";
import { evidenceItemPath } from "~/domain/evidence/urls";
import { redactionOfSchema } from "~/domain/evidence/schemas";
import { createT, localeFromRequest } from "~/i18n";
import { addEvidenceFiles, assertUploadTarget } from "~/models/evidence.server";
import { isStoredHashReferenced } from "~/models/evidence-verify.server";
import type { PlacedFile } from "~/storage/file-store.server";
import { discardStaged, FileTooLargeError, placeStaged, removeUnreferencedPlaced } from "~/storage/file-store.server";
import type { ReceivedUpload } from "~/storage/upload.server";
import { BadUploadError, drainBody, receiveUpload } from "~/storage/upload.server";
import { requireCaseRoute } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { isAppError } from "~/utils/errors";
import { assertSameOrigin } from "~/utils/form.server";

// Upload of one or several files to an evidence item (evidenceUploadPath): POST multipart/form-data,
// field "file" (repeatable), optional "redactionOf". Streamed to the store (never held in memory);
// the rows are committed once the files are in place. Answers JSON to the progress bar's XHR
// (Accept: application/json), else redirects back to the item (the form without JavaScript).

export async function action({ request, params }: ActionFunctionArgs) {
  const json = /application\/json/i.test(request.headers.get("Accept") ?? "");
  const evidenceId = params.evidenceId ?? "";
  try {
    const { actor, procuratorateId, caseId } = await requireCaseRoute(request, params, "case:write");
    assertSameOrigin(request);
    // Scope (404) and an open case (409) before a byte of the body is read.
    await assertUploadTarget(procuratorateId, caseId, evidenceId, null);
    const maxBytes = getEnv().evidenceMaxBytes;
    const upload = await receiveUpload(request, { maxBytes });
    let placed: (PlacedFile & { mimeType: string; fileName: string })[];
    let redactionOf: string | null;
    try {
      redactionOf = parseRedactionOf(upload);
      await assertUploadTarget(procuratorateId, caseId, evidenceId, redactionOf);
      placed = [];
      for (const file of upload.files) placed.push({ ...(await placeStaged(file)), mimeType: file.mimeType, fileName: file.fileName });
    } catch (error) {
      await discardStaged(upload.files);
      throw error;
    }
    let rows;
    try {
      rows = await addEvidenceFiles(procuratorateId, actor.userId, caseId, evidenceId, placed, redactionOf);
    } catch (error) {
      // The rows were not saved: files this upload newly placed are orphans now, unless a row
      // references their content meanwhile; content stored before (deduplicated) stays.
      await removeUnreferencedPlaced(placed, isStoredHashReferenced);
      throw error;
    }
    if (!json) return redirect(`${evidenceItemPath(caseId, evidenceId)}?uploaded=${rows.length}`);
    return Response.json({
      ok: true,
      files: rows.map((r) => ({ id: r.id, name: r.originalName, sha256: r.sha256, size: Number(r.size), mimeType: r.mimeType, redactionOfId: r.redactionOfId })),
    });
  } catch (error) {
    await drainBody(request);
    if (!isAppError(error)) throw error; // a thrown Response (login, 403, 404) or a real bug
    const t = createT(localeFromRequest(request));
    const message =
      error instanceof FileTooLargeError
        ? t("evidenceItems.upload.tooLarge", { limit: formatFileSize(error.limit, t) })
        : t.dynamic(error.messageKey);
    const limit = error instanceof FileTooLargeError ? error.limit : undefined;
    if (json) return Response.json({ ok: false, error: message, messageKey: error.messageKey, limit }, { status: error.status });
    // Without JavaScript: back to the item with the message's key (shown there in the user's language).
    const key = limit !== undefined ? "evidenceItems.upload.tooLarge" : error.messageKey;
    return redirect(`${evidenceItemPath(params.caseId ?? "", evidenceId)}?uploadError=${encodeURIComponent(key)}`, { status: 303 });
  }
}

function parseRedactionOf(upload: ReceivedUpload): string | null {
  const parsed = redactionOfSchema.safeParse(upload.fields.redactionOf);
  if (!parsed.success) throw new BadUploadError("evidenceItems.upload.bad");
  return parsed.data;
}
