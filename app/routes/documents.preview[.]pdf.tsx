import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewQuerySchema } from "~/domain/documents/schemas";
import { PDF_CONTENT_TYPE, documentHeaders } from "~/documents/http.server";
import { convertToPdf, sofficeAvailable } from "~/documents/pdf.server";
import { previewDocument } from "~/models/document.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { badRequest, toResponse } from "~/utils/errors";

// The PDF preview of a document before it is issued (?kind=&subject=): the .docx rendered with
// the current data, converted by LibreOffice with the font mapping of STACK.md. Where LibreOffice
// is not installed: 409 with a message saying so. Writes nothing, takes no number.
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "document:preview");
  const procuratorateId = staffScope(scope);
  const query = previewQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) badRequest();
  if (!(await sofficeAvailable())) {
    throw new Response("documents.preview.pdfUnavailable", { status: 409, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  try {
    const preview = await previewDocument({ procuratorateId, kind: query.data.kind, subjectId: query.data.subject });
    const pdf = await convertToPdf(preview.bytes);
    const name = `${preview.title}（预览）.pdf`;
    return new Response(Buffer.from(pdf), { status: 200, headers: documentHeaders(name, PDF_CONTENT_TYPE, pdf.length, undefined, "inline") });
  } catch (error) {
    throw toResponse(error);
  }
}
