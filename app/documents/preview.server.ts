import mammoth from "mammoth";
import type { DocumentValue, FieldSpec } from "~/domain/documents/spec";

// The HTML preview of a rendered .docx (issue 10 item 6): mammoth's conversion, shown by the page
// in a sandboxed iframe (srcdoc, no scripts, its own opaque origin) because the values are user
// data; and the placeholders' values listed as plain text.

/** The .docx as HTML in a small page of its own (for an iframe's srcdoc). */
export async function docxToPreviewHtml(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body{font-family:"FangSong","仿宋","STFangsong","Noto Serif CJK SC",serif;font-size:16pt;line-height:1.8;max-width:156mm;margin:1.5em auto;padding:0 1em;color:#111}
h1,h2{text-align:center;font-weight:bold}p{margin:0;text-indent:2em}table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #333;padding:.2em .4em;font-size:12pt;text-indent:0}
</style></head><body>${value}</body></html>`;
}

/** One placeholder's value as lines of text, for the list beside the preview. */
export function valueLines(field: FieldSpec, value: DocumentValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value ? [value] : [];
  if (Array.isArray(value)) return value;
  const header = (field.columns ?? []).map((c) => c.label.zh).join(" | ");
  return [header, ...value.rows.map((r) => r.join(" | "))].filter(Boolean);
}
