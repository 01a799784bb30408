import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { can } from "~/domain/auth/policy";
import { safeFileName } from "~/domain/documents/schemas";
import { DOCX_CONTENT_TYPE, documentHeaders } from "~/documents/http.server";
import { findReadableDocument, recordDocumentDownload, storedDocumentFile } from "~/models/document.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

// One generated document (.docx), downloaded again from the content-addressed store. A resource
// route outside the staff layout, because agency liaisons download too. Staff of its procuratorate
// who may read its case, hearing or clue; the liaison only for a document marked agencyVisible
// for their agency; anyone else, and any unknown id, gets 404 (app/models/document.server.ts).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "account:use");
  if (!can(actor, "document:download")) notFound();
  const doc = (await findReadableDocument(actor, scope, params.documentId ?? "")) ?? notFound();
  const file = (await storedDocumentFile(doc)) ?? notFound();
  await recordDocumentDownload(doc, actor.userId, false);
  const headers = documentHeaders(safeFileName(doc.fileName ?? `${doc.title}.docx`), DOCX_CONTENT_TYPE, file.size, doc.sha256);
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file.path)), { status: 200, headers });
}
