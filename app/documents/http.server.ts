import { contentDisposition, fileContentSecurityPolicy } from "~/domain/evidence/file-serving";

// The response headers of a generated document, a preview PDF and a batch's zip: always an
// attachment (never rendered in our origin), its Chinese name in RFC 5987 filename*, nosniff.

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const PDF_CONTENT_TYPE = "application/pdf";
export const ZIP_CONTENT_TYPE = "application/zip";

export function documentHeaders(fileName: string, contentType: string, size: number, sha256?: string, disposition: "attachment" | "inline" = "attachment"): Headers {
  const headers = new Headers({
    "Content-Type": contentType,
    "Content-Disposition": contentDisposition(disposition, fileName),
    "Content-Length": String(size),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": fileContentSecurityPolicy(contentType, disposition === "inline"),
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Permission is checked on every request: the browser may not reuse a copy without asking.
    "Cache-Control": "private, no-store, no-transform",
  });
  if (sha256) headers.set("X-Content-SHA256", sha256);
  return headers;
}
