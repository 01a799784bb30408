import { patchDetector } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { PLACEHOLDER_NAME } from "~/domain/documents/template-check";

// What a .docx template holds, for the upload check (app/domain/documents/template-check.ts):
// whether it is a .docx at all, the well-formed {{placeholders}} it names (the docx package's
// patchDetector, which finds a placeholder that Word split over several runs, as patchDocument
// does), the malformed ones ("{{ name }}", "{{Name}}", a "{{" never closed), and the placeholders
// that share their paragraph with other text (a block placeholder must stand alone).

export type DocxInspection =
  | {
      ok: true;
      /** Well-formed placeholder names, each once, in the order first found. */
      placeholders: string[];
      /** Malformed placeholders as written ("{{ name }}", "{{Name}}", "{{name"), each once. */
      malformed: string[];
      /** Well-formed placeholders that share a paragraph with other text. */
      inline: string[];
    }
  | { ok: false; problem: "not_docx" | "corrupt" };

/** The parts patchDetector searches: the body, headers, footers, notes (word/*.xml). */
const isSearched = (name: string) => name.startsWith("word/") && name.endsWith(".xml");
/** A part larger than this unpacked is refused as corrupt (a zip bomb, not a template). */
const MAX_PART_BYTES = 64 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function inspectDocx(bytes: Uint8Array): Promise<DocxInspection> {
  if (bytes.length < ZIP_MAGIC.length || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) return { ok: false, problem: "not_docx" };
  let parts: Record<string, Uint8Array>;
  try {
    let oversized = false;
    parts = unzipSync(bytes, {
      filter: (file) => {
        if (!isSearched(file.name)) return false;
        if (file.originalSize > MAX_PART_BYTES) oversized = true;
        return !oversized;
      },
    });
    if (oversized) return { ok: false, problem: "corrupt" };
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  // A zip without the main document part is some other file (an .xlsx, a .zip), not a .docx.
  if (!parts["word/document.xml"]) return { ok: false, problem: "not_docx" };

  let detected: readonly string[];
  const texts: string[] = [];
  try {
    for (const [name, data] of Object.entries(parts)) {
      const xml = strFromU8(data);
      if (name === "word/document.xml" && !/<w:document\b/.test(xml)) return { ok: false, problem: "corrupt" };
      texts.push(...paragraphTexts(xml));
    }
    detected = await patchDetector({ data: bytes });
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  const scan = scanParagraphs(texts);
  return {
    ok: true,
    placeholders: unique(detected.filter((key) => PLACEHOLDER_NAME.test(key))),
    malformed: unique([...scan.malformed, ...detected.filter((key) => !PLACEHOLDER_NAME.test(key)).map((key) => `{{${key}}}`)]),
    inline: scan.inline,
  };
}

/** The text of each paragraph (w:p), its runs' w:t joined, entities decoded. */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = p[1] ?? "";
    let text = "";
    for (const t of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += decodeXml(t[1] ?? "");
    if (text) out.push(text);
  }
  return out;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

/**
 * Scans paragraph texts for "{{" … "}}" pairs: a key that is not a placeholder name is malformed,
 * a "{{" with no "}}" before the next "{{" or the paragraph's end is unclosed, and so is a "}}"
 * with no "{{" before it. A well-formed placeholder with other text in its paragraph is inline.
 */
export function scanParagraphs(texts: readonly string[]): { malformed: string[]; inline: string[] } {
  const malformed: string[] = [];
  const inline: string[] = [];
  for (const text of texts) {
    let at = 0;
    for (;;) {
      const open = text.indexOf("{{", at);
      const close = text.indexOf("}}", at);
      if (open < 0 && close < 0) break;
      if (close >= 0 && (open < 0 || close < open)) {
        malformed.push(excerpt(text, Math.max(0, close - 12), close + 2));
        at = close + 2;
        continue;
      }
      const end = text.indexOf("}}", open + 2);
      const next = text.indexOf("{{", open + 2);
      if (end < 0 || (next >= 0 && next < end)) {
        malformed.push(excerpt(text, open, next >= 0 && (end < 0 || next < end) ? next : open + 14));
        at = open + 2;
        continue;
      }
      const key = text.slice(open + 2, end);
      if (!PLACEHOLDER_NAME.test(key)) malformed.push(`{{${key}}}`);
      else if (text.trim() !== `{{${key}}}`) inline.push(key);
      at = end + 2;
    }
  }
  return { malformed: unique(malformed), inline: unique(inline) };
}

function excerpt(text: string, from: number, to: number): string {
  return text.slice(from, Math.min(to, text.length)).trim();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
