import type { LoaderFunctionArgs } from "@remix-run/node";
import { previewQuerySchema } from "~/domain/documents/schemas";
import { PDF_CONTENT_TYPE, documentHeaders } from "~/documents/http.server";
import { convertToPdf, sofficeAvailable } from "~/documents/pdf.server";
import { MissingDocumentValuesError } from "~/documents/render.server";
import { createT, localeFromRequest } from "~/i18n";
import { fieldLabels, previewDocument, recordDocumentPreview } from "~/models/document.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { ERROR_MESSAGE_KEYS, isAppError } from "~/utils/errors";

// The PDF preview of a document before it is issued (?kind=&subject=): the .docx rendered with
// the current data, converted by LibreOffice with the font mapping of STACK.md. Where LibreOffice
// is not installed: 409 with a message saying so. Writes nothing, takes no number. The link opens
// the PDF itself, so a refusal answers a plain-text message in the user's language (never a key).
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, scope } = await requirePermission(request, "document:preview");
  const procuratorateId = staffScope(scope);
  const t = createT(localeFromRequest(request));
  const refuse = (status: number, message: string) =>
    new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" } });
  const query = previewQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw refuse(400, t.dynamic(ERROR_MESSAGE_KEYS[400]));
  if (!(await sofficeAvailable())) throw refuse(409, t("documents.preview.pdfUnavailable"));
  try {
    const preview = await previewDocument({ procuratorateId, kind: query.data.kind, subjectId: query.data.subject });
    const pdf = await convertToPdf(preview.bytes);
    await recordDocumentPreview({ procuratorateId, actorId: actor.userId, kind: preview.kind, subjectType: preview.subjectType, subjectId: preview.subjectId, caseId: preview.links.caseId, format: "pdf" });
    const name = `${preview.title}（预览）.pdf`;
    return new Response(Buffer.from(pdf), { status: 200, headers: documentHeaders(name, PDF_CONTENT_TYPE, pdf.length, undefined, "inline") });
  } catch (error) {
    if (error instanceof MissingDocumentValuesError) {
      const labels = fieldLabels(query.data.kind, error.missing).map((l) => (t.locale === "en" ? l.en : l.zh));
      throw refuse(error.status, t("documents.error.missingNamed", { fields: labels.join(t.locale === "en" ? ", " : "、") }));
    }
    if (isAppError(error)) throw refuse(error.status, t.dynamic(error.messageKey));
    // A thrown AppError response (orNotFound, notFound...) carries its key as the body.
    if (error instanceof Response && error.status >= 400) throw refuse(error.status, t.dynamic((await error.text()).trim()));
    throw error;
  }
}
