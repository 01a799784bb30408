// Messages of the document renderer and PDF preview (app/documents/render.server.ts, pdf.server.ts).
export const documentRender = {
  "documentRender.missingValues": "文书缺少必填内容，无法生成。",
  "documentRender.unfilledPlaceholders": "模板中有未填写的占位符，无法生成文书。",
  "documentRender.pdfUnavailable": "本服务器未安装 LibreOffice，无法生成 PDF 预览，请下载 Word 文档查看。",
  "documentRender.pdfFailed": "PDF 预览生成失败，请下载 Word 文档查看。",
} as const;
