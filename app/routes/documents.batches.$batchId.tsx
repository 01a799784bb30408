import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { can } from "~/domain/auth/policy";
import { safeFileName } from "~/domain/documents/schemas";
import { findBatchZip } from "~/documents/batch.server";
import { ZIP_CONTENT_TYPE, documentHeaders } from "~/documents/http.server";
import { storedDocumentFile } from "~/models/document.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/errors";

// A series batch's .zip (issue 10 item 7), scoped like the documents in it: staff of the batch's
// procuratorate who read series. A zip holds letters to several agencies, so no liaison gets it;
// anyone else, and any unknown id, gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "account:use");
  if (scope.kind !== "procuratorate" || !can(actor, "series:read")) notFound();
  const zip = (await findBatchZip(scope.procuratorateId, params.batchId ?? "")) ?? notFound();
  const file = (await storedDocumentFile(zip)) ?? notFound();
  const name = safeFileName(`${zip.seriesName}_检察建议书及送达回证.zip`);
  return new Response(createReadableStreamFromReadable(fs.createReadStream(file.path)), {
    status: 200,
    headers: documentHeaders(name, ZIP_CONTENT_TYPE, file.size, zip.sha256),
  });
}
