import { strFromU8, unzipSync } from "fflate";

// Reads a generated .docx back for tests (issue 10: "tests open each generated .docx"): unzips it
// with fflate and reads word/document.xml (and the footers) with small regular expressions. Enough
// for what the tests assert: texts, tables, run fonts, page setup, line spacing, footers.
//
//   const doc = readDocx(bytes);
//   doc.paragraphs            // every body paragraph's text, in order (table cells included)
//   doc.bodyParagraphs        // the paragraphs outside tables
//   doc.text                  // all of them joined with "\n"
//   doc.tables                // [[row cells' texts], …] per table
//   doc.runs                  // every run: { text, eastAsia, ascii, size (half-points), bold }
//   doc.fontsOf("检察建议书") // the runs' eastAsia fonts in the paragraph containing that text
//   doc.page                  // { width, height, margin: { top, bottom, left, right }, docGrid, evenAndOddHeaders }
//   doc.spacings              // every paragraph's <w:spacing> { line, lineRule }
//   doc.footers               // { path, text, paragraphs: [{ text, align }], fonts, sizes, hasPageField }
//   doc.placeholders          // the {{name}}s left in the body text
//   doc.xml / doc.part(path)  // raw XML of document.xml / any part

export type DocxRun = { text: string; eastAsia: string | null; ascii: string | null; size: number | null; bold: boolean };
export type DocxParagraph = { text: string; align: string | null; inTable: boolean; runs: DocxRun[]; xml: string };
export type DocxFooter = {
  path: string;
  text: string;
  paragraphs: { text: string; align: string | null }[];
  fonts: string[];
  sizes: number[];
  hasPageField: boolean;
};
export type DocxPage = {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
  docGrid: string | null;
  evenAndOddHeaders: boolean;
  /** The footer references of the section: { default, even } → part paths. */
  footerRefs: Record<string, string>;
};

function attr(xml: string, name: string): string | null {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function readRuns(pXml: string): DocxRun[] {
  const runs: DocxRun[] = [];
  for (const m of pXml.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
    const r = m[1]!;
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r)?.[1] ?? "";
    const fonts = /<w:rFonts\b[^>]*\/>/.exec(rPr)?.[0] ?? "";
    const size = /<w:sz w:val="(\d+)"/.exec(rPr)?.[1];
    const text = [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
      .map((t) => (t[0] === "<w:tab/>" ? "\t" : t[0] === "<w:br/>" ? "\n" : unescapeXml(t[1] ?? "")))
      .join("");
    runs.push({
      text,
      eastAsia: attr(fonts, "w:eastAsia"),
      ascii: attr(fonts, "w:ascii"),
      size: size ? Number(size) : null,
      bold: /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(rPr),
    });
  }
  return runs;
}

function readParagraphs(xml: string, inTable: boolean): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const pXml = m[0];
    const runs = readRuns(m[1] ?? "");
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(pXml)?.[1] ?? "";
    return {
      text: runs.map((r) => r.text).join(""),
      align: /<w:jc w:val="([^"]+)"/.exec(pPr)?.[1] ?? null,
      inTable,
      runs,
      xml: pXml,
    };
  });
}

/** Splits the body into paragraphs and tables, in order (tables are not nested in these documents). */
function readBody(xml: string) {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? "";
  const paragraphs: DocxParagraph[] = [];
  const tables: string[][][] = [];
  let rest = body;
  while (rest.length) {
    const i = rest.indexOf("<w:tbl>");
    const before = i < 0 ? rest : rest.slice(0, i);
    paragraphs.push(...readParagraphs(before, false));
    if (i < 0) break;
    const end = rest.indexOf("</w:tbl>", i);
    const tbl = rest.slice(i, end + "</w:tbl>".length);
    const rows = [...tbl.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((tr) =>
      [...tr[1]!.matchAll(/<w:tc\b[^>]*>([\s\S]*?)<\/w:tc>/g)].map((tc) => {
        const ps = readParagraphs(tc[1]!, true);
        paragraphs.push(...ps);
        return ps.map((p) => p.text).join("\n");
      }),
    );
    tables.push(rows);
    rest = rest.slice(end + "</w:tbl>".length);
  }
  return { paragraphs, tables };
}

export type ReadDocx = ReturnType<typeof readDocx>;

export function readDocx(bytes: Uint8Array | Buffer) {
  const files = unzipSync(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const part = (path: string): string | null => (files[path] ? strFromU8(files[path]!) : null);
  const xml = part("word/document.xml");
  if (!xml) throw new Error("not a .docx: no word/document.xml");
  const { paragraphs, tables } = readBody(xml);
  const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? "";
  const pgSz = /<w:pgSz\b[^>]*\/>/.exec(sectPr)?.[0] ?? "";
  const pgMar = /<w:pgMar\b[^>]*\/>/.exec(sectPr)?.[0] ?? "";
  const rels = part("word/_rels/document.xml.rels") ?? "";
  const target = (id: string) => {
    const rel = [...rels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => m[0]).find((r) => attr(r, "Id") === id);
    return rel ? `word/${attr(rel, "Target")!.replace(/^\/?word\//, "")}` : "";
  };
  const footerRefs: Record<string, string> = {};
  for (const m of sectPr.matchAll(/<w:footerReference\b[^>]*\/>/g)) {
    footerRefs[attr(m[0], "w:type") ?? "default"] = target(attr(m[0], "r:id") ?? "");
  }
  const settings = part("word/settings.xml") ?? "";
  const page: DocxPage = {
    width: Number(attr(pgSz, "w:w")),
    height: Number(attr(pgSz, "w:h")),
    margin: {
      top: Number(attr(pgMar, "w:top")),
      bottom: Number(attr(pgMar, "w:bottom")),
      left: Number(attr(pgMar, "w:left")),
      right: Number(attr(pgMar, "w:right")),
    },
    docGrid: /<w:docGrid\b[^>]*\/>/.exec(sectPr)?.[0] ?? null,
    evenAndOddHeaders: /<w:evenAndOddHeaders(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(settings),
    footerRefs,
  };
  const footers: DocxFooter[] = Object.keys(files)
    .filter((p) => /^word\/footer\d*\.xml$/.test(p))
    .sort()
    .map((path) => {
      const fx = part(path)!;
      const ps = readParagraphs(fx, false);
      const runs = ps.flatMap((p) => p.runs);
      return {
        path,
        text: ps.map((p) => p.text).join("\n"),
        paragraphs: ps.map((p) => ({ text: p.text, align: p.align })),
        fonts: [...new Set(runs.map((r) => r.eastAsia).filter((f): f is string => !!f))],
        sizes: [...new Set(runs.map((r) => r.size).filter((s): s is number => s !== null))],
        hasPageField: /PAGE\b/.test(fx) && (/<w:fldChar\b/.test(fx) || /<w:fldSimple\b/.test(fx)),
      };
    });
  const spacings = paragraphs.map((p) => {
    const s = /<w:pPr>[\s\S]*?<w:spacing\b([^>]*)\/>/.exec(p.xml)?.[1] ?? "";
    return { line: attr(s, "w:line") ? Number(attr(s, "w:line")) : null, lineRule: attr(s, "w:lineRule") };
  });
  const text = paragraphs.map((p) => p.text).join("\n");
  return {
    files: Object.keys(files),
    xml,
    part,
    paragraphs: paragraphs.map((p) => p.text),
    bodyParagraphs: paragraphs.filter((p) => !p.inTable).map((p) => p.text),
    paragraphDetails: paragraphs,
    text,
    tables,
    runs: paragraphs.flatMap((p) => p.runs),
    /** The eastAsia fonts of the runs (with text) of the first paragraph whose text contains `needle`. */
    fontsOf(needle: string): string[] {
      const p = paragraphs.find((x) => x.text.includes(needle));
      if (!p) throw new Error(`no paragraph contains ${needle}`);
      return [...new Set(p.runs.filter((r) => r.text !== "").map((r) => r.eastAsia ?? ""))];
    },
    /** The paragraph (with runs and alignment) whose text contains `needle`. */
    paragraph(needle: string): DocxParagraph {
      const p = paragraphs.find((x) => x.text.includes(needle));
      if (!p) throw new Error(`no paragraph contains ${needle}`);
      return p;
    },
    page,
    spacings,
    footers,
    placeholders: [...text.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]!),
    core: part("docProps/core.xml") ?? "",
  };
}

/** The text of a docx's body (a shorthand for readDocx(bytes).text). */
export function docxText(bytes: Uint8Array | Buffer): string {
  return readDocx(bytes).text;
}
