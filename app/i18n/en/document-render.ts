// Messages of the document renderer and PDF preview (app/documents/render.server.ts, pdf.server.ts).
export const documentRender = {
  "documentRender.missingValues": "The document lacks required content and cannot be generated.",
  "documentRender.unfilledPlaceholders": "The template has a placeholder nothing fills; the document cannot be generated.",
  "documentRender.pdfUnavailable": "LibreOffice is not installed on this server, so there is no PDF preview. Download the Word document instead.",
  "documentRender.pdfFailed": "The PDF preview could not be made. Download the Word document instead.",
} as const;
