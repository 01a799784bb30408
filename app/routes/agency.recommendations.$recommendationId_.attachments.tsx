import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { attachmentFieldsSchema } from "~/domain/recommendation/reply-schemas";
import { attachmentTarget, addReplyAttachments } from "~/models/reply.server";
import { isStoredHashReferenced } from "~/models/evidence-verify.server";
import type { PlacedFile } from "~/storage/file-store.server";
import { discardStaged, FileTooLargeError, placeStaged, removeUnreferencedPlaced } from "~/storage/file-store.server";
import { BadUploadError, drainBody, receiveUpload } from "~/storage/upload.server";
import { agencyScope, requirePermission } from "~/utils/auth.server";
import { getEnv } from "~/utils/env.server";
import { isAppError } from "~/utils/errors";
import { assertSameOrigin } from "~/utils/form.server";

// Rectification evidence for one point's answer (photos with time and place, documents): POST
// multipart/form-data with "file", "pointId", "takenAt", "place", through the evidence upload
// pipeline (streamed, hashed, size limit, type sniffed from the bytes). Only into my agency's
// draft: a submitted reply refuses uploads (409, app/models/reply.server.ts).
export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.recommendationId ?? "";
  const back = `/agency/recommendations/${id}/reply`;
  try {
    const { actor, scope } = await requirePermission(request, "agency:reply");
    const mine = agencyScope(scope);
    assertSameOrigin(request);
    const upload = await receiveUpload(request, { maxBytes: getEnv().evidenceMaxBytes });
    let placed: (PlacedFile & { mimeType: string; fileName: string })[] = [];
    let fields;
    try {
      const parsed = attachmentFieldsSchema.safeParse(upload.fields);
      if (!parsed.success) throw new BadUploadError("evidenceItems.upload.bad");
      fields = parsed.data;
      await attachmentTarget(mine, id, fields.pointId);
      for (const file of upload.files) placed.push({ ...(await placeStaged(file)), mimeType: file.mimeType, fileName: file.fileName });
    } catch (error) {
      await discardStaged(upload.files);
      throw error;
    }
    try {
      await addReplyAttachments(mine, actor.userId, id, fields, placed);
    } catch (error) {
      await removeUnreferencedPlaced(placed, isStoredHashReferenced);
      placed = [];
      throw error;
    }
    return redirect(`${back}?uploaded=1`, { status: 303 });
  } catch (error) {
    await drainBody(request);
    if (!isAppError(error)) throw error; // a thrown Response (login, 403, 404) or a real bug
    // A refusal keeps its status for scripts; the browser form is sent back with the message key.
    if (/application\/json/i.test(request.headers.get("Accept") ?? "")) {
      return Response.json({ ok: false, messageKey: error.messageKey }, { status: error.status });
    }
    const key = error instanceof FileTooLargeError ? "evidenceItems.upload.tooLarge" : error.messageKey;
    if (error.status === 409 || error.status === 413 || error.status === 400) {
      return new Response(null, { status: 303, headers: { Location: `${back}?uploadError=${encodeURIComponent(key)}`, "X-Refused-Status": String(error.status) } });
    }
    throw error;
  }
}
