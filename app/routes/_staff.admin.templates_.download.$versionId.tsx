import type { LoaderFunctionArgs } from "@remix-run/node";
import { contentDisposition } from "~/domain/evidence/file-serving";
import { createT, localeFromRequest } from "~/i18n";
import { getTemplateVersionFile } from "~/models/template.server";
import { requirePermission, staffScope } from "~/utils/auth.server";
import { toResponse } from "~/utils/errors";

// The .docx of one template version (templateVersionDownloadPath), for an administrator to open in
// Word or WPS: a version of the procuratorate's own template or of a shared one; any other id 404.
// The bytes are checked against their SHA-256 before they are sent.

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requirePermission(request, "admin:read");
  try {
    const file = await getTemplateVersionFile(staffScope(scope), params.versionId ?? "");
    const t = createT(localeFromRequest(request));
    const name = `${t.label("documentKind", file.kind)}-${t("templates.version", { version: file.version })}.docx`.replace(/\s+/g, "");
    return new Response(file.bytes.slice(), {
      headers: {
        "Content-Type": DOCX,
        "Content-Disposition": contentDisposition("attachment", name),
        "Content-Length": String(file.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-cache, no-transform",
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    throw toResponse(error);
  }
}
