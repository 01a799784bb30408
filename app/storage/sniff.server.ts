import { fileTypeFromBuffer } from "file-type";

// The type of an uploaded file, from its first bytes (never from its name or the browser's claim):
// file-type knows the binary formats by their signatures; text is told apart by being valid UTF-8
// without control characters, and SVG (XML text, which file-type does not report) by its root element.

/** How many leading bytes are kept for sniffing (file-type reads at most about 4 KiB of most formats). */
export const SNIFF_BYTES = 64 * 1024;

export const TEXT_MIME = "text/plain";
export const SVG_MIME = "image/svg+xml";
export const BINARY_MIME = "application/octet-stream";

/** The MIME type of a file from its head (the first SNIFF_BYTES bytes, or all of a smaller file). */
export async function sniffMimeType(head: Uint8Array): Promise<string> {
  if (head.byteLength === 0) return BINARY_MIME;
  const text = decodeText(head);
  if (text !== null && isSvg(text)) return SVG_MIME;
  const found = await fileTypeFromBuffer(head);
  if (found) return found.mime;
  return text !== null ? TEXT_MIME : BINARY_MIME;
}

/**
 * The head as text, or null when it is not text: invalid UTF-8 (an incomplete character cut off at
 * the end of the head is allowed) or a control character other than tab, line feed, form feed,
 * carriage return and escape.
 */
export function decodeText(head: Uint8Array): string | null {
  let text: string;
  try {
    // stream: true leaves a multibyte character cut off at the end of the head undecoded.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F\u007F]/.test(text)) return null;
  return text;
}

/** An XML document whose root element is <svg> (after a BOM, XML declaration, comments, doctype). */
export function isSvg(text: string): boolean {
  const body = text.replace(/^\uFEFF/, "");
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<\?[\s\S]*?\?>)\s*)*<svg[\s>/:]/i.test(body);
}
