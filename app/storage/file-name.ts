// File names of uploaded evidence (EvidenceFile.originalName). Pure, so the browser and the tests
// use it too. A name is only ever shown and offered back in Content-Disposition; it never becomes a
// path (the store names files by hash), but it must not smuggle a path, a control character, a
// bidirectional override that disguises the extension, or a name Windows refuses.

/** Longest name kept, in characters (code points); the extension is kept when shortening. */
export const FILE_NAME_MAX = 120;
/** The name of a file whose name is empty once cleaned. */
export const FALLBACK_FILE_NAME = "file";

// C0 and C1 controls, DEL; zero-width and bidirectional formatting marks (U+200B–U+200F,
// U+202A–U+202E, U+2066–U+2069), the BOM/ZWNBSP and U+FFFD (what a failed decode leaves).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFD]/gu;
/** Characters Windows and most shells reserve in a name. */
const RESERVED = /[<>:"/\\|?*]/g;
/** Device names Windows refuses as a file name, with or without an extension. */
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A safe display name for an uploaded file: the last path segment only, NFC, without control or
 * invisible characters and lone surrogates, reserved characters replaced by "_", whitespace runs
 * collapsed, no leading dots (hidden files, "..") or trailing dots and spaces, no Windows device
 * names, at most FILE_NAME_MAX characters with the extension kept. Chinese and other letters stay.
 */
export function sanitizeFileName(raw: string | null | undefined): string {
  const last = (raw ?? "").split(/[/\\]/).pop() ?? "";
  const chars = Array.from(last.normalize("NFC")).filter((c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0xd800 || cp > 0xdfff; // a lone surrogate stands alone in Array.from
  });
  let name = chars
    .join("")
    .replace(/[\t\n\v\f\r]/g, " ")
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/^[.\s]+/u, "")
    .replace(/[.\s]+$/u, "");
  if (WINDOWS_DEVICES.test(name)) name = `_${name}`;
  name = truncateKeepingExtension(name, FILE_NAME_MAX);
  return name || FALLBACK_FILE_NAME;
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (ext.length > 0 && ext.length <= 16) {
    const stem = Array.from(name.slice(0, dot)).slice(0, max - ext.length);
    return (stem.join("").trimEnd() + ext.join("")).trim();
  }
  return chars.slice(0, max).join("").trim();
}
