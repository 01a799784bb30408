import { createHash } from "node:crypto";

import type { FileChild, IRunOptions } from "docx";
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

import type { DocumentKind } from "~/domain/documents/kinds";
import type {
  Bilingual,
  DocumentAudience,
  DocumentSubject,
  FieldSpec,
  KindDefinition,
  TableColumn,
  TemplateBlock,
} from "~/domain/documents/spec";
import { BLOCK_FIELD_TYPES, NUMBER_FIELD, allFieldsOf, placeholdersIn } from "~/domain/documents/spec";
import { en } from "~/i18n/en";
import { zhCN } from "~/i18n/zh-CN";
import { FONTS, LAYOUT, allSlots, columnWidths, normaliseDocx } from "./render.server";

// The template builder (issue 10): lays a kind's declarative body (TemplateBlock[]) out as a .docx
// in the GB/T 9704-2012 layout (the measures verified in /shared/STACK.md), with {{placeholders}}
// where the fields go. scripts/templates-build.ts writes the result to templates/<kind>.docx; the
// renderer fills it. Deterministic: the same definition always gives the same bytes.

/** The time stamped inside every packaged template (core.xml and zip entries): templates do not change with the clock. */
export const TEMPLATE_TIMESTAMP = new Date("2026-12-01T00:00:00Z");

export type TemplateDefinition = Pick<KindDefinition<unknown>, "kind" | "numbered" | "body"> & {
  /** The document's name, for the package's title property (e.g. 检察建议书). */
  label?: string;
};

type RunStyle = { font: string; size: number; bold?: boolean };

const BODY: RunStyle = { font: FONTS.body, size: LAYOUT.bodySize };
const TITLE: RunStyle = { font: FONTS.title, size: 44 };
const H1: RunStyle = { font: FONTS.heading1, size: LAYOUT.bodySize };
const H2: RunStyle = { font: FONTS.heading2, size: LAYOUT.bodySize };
const CC: RunStyle = { font: FONTS.body, size: 28 };
const PAGE_NUMBER: RunStyle = { font: FONTS.pageNumber, size: 28 };

/** One character of the body (16 pt) in twips. */
const CHAR = 320;

function run(text: string, style: RunStyle): TextRun {
  const options: IRunOptions = {
    text,
    font: allSlots(style.font),
    size: style.size,
    bold: style.bold,
    characterSpacing: LAYOUT.characterSpacing,
  };
  return new TextRun(options);
}

/**
 * A paragraph's runs: each {{placeholder}} in a run of its own, so Word and WPS keep it whole
 * when a clerk edits the words around it.
 */
function runs(text: string, style: RunStyle): TextRun[] {
  return text
    .split(/(\{\{[a-z][a-z0-9_]*\}\})/)
    .filter((part) => part !== "")
    .map((part) => run(part, style));
}

const EXACT = { line: LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function paragraph(
  text: string,
  style: RunStyle = BODY,
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; firstLine?: boolean; right?: number; left?: number } = {},
): Paragraph {
  const indent =
    opts.firstLine || opts.right || opts.left
      ? { firstLine: opts.firstLine ? CHAR * 2 : undefined, right: opts.right, left: opts.left }
      : undefined;
  return new Paragraph({
    spacing: EXACT,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent,
    children: runs(text, style),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

/** A label | value table (送达回证, forms): bordered, label column a quarter of the text block. */
function formTable(rows: { label: string; text: string }[]): Table {
  const widths = columnWidths([1, 3]);
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [r.label, r.text].map(
            (text, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: 100, right: 100, top: 60, bottom: 60 },
                children: [paragraph(text, BODY, { align: i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT })],
              }),
          ),
        }),
    ),
  });
}

function blockToChildren(block: TemplateBlock): FileChild[] {
  switch (block.type) {
    case "issuer":
      return [paragraph("{{procuratorate}}", TITLE, { align: AlignmentType.CENTER })];
    case "title":
      return [paragraph(block.text, TITLE, { align: AlignmentType.CENTER })];
    case "number":
      return [paragraph("{{doc_number}}", BODY, { align: AlignmentType.RIGHT })];
    case "para":
      return [
        paragraph(block.text, BODY, {
          align: block.align ? ALIGN[block.align] : AlignmentType.JUSTIFIED,
          firstLine: block.indent !== false && (block.align ?? "left") === "left",
        }),
      ];
    case "heading":
      return [paragraph(block.text, block.level === 1 ? H1 : H2, { align: AlignmentType.LEFT, firstLine: true })];
    case "block":
      // Alone in its paragraph: the renderer replaces the whole paragraph.
      return [paragraph(`{{${block.field}}}`, BODY, { align: AlignmentType.LEFT, firstLine: true })];
    case "form":
      // A table is followed by a paragraph, or Word joins it to the next table.
      return [formTable(block.rows), paragraph("", BODY)];
    case "signature": {
      // GB/T 9704 7.3.5.1: the date four characters in from the right, the issuer centred over it,
      // with room above for the seal (three blank lines).
      const right = CHAR * 4;
      return [
        ...(block.signer ? [paragraph(""), paragraph(block.signer, BODY, { align: AlignmentType.LEFT, left: CHAR * 14 })] : []),
        paragraph("", BODY),
        paragraph("", BODY),
        paragraph("", BODY),
        paragraph("{{procuratorate}}", BODY, { align: AlignmentType.RIGHT, right }),
        paragraph("{{issued_on}}", BODY, { align: AlignmentType.RIGHT, right }),
      ];
    }
    case "cc":
      // GB/T 9704 7.4.2: 抄送 in 4号仿宋, one character in on both sides, between two rules.
      return [
        paragraph("", BODY),
        new Paragraph({
          spacing: EXACT,
          indent: { left: 280, right: 280, hanging: 0 },
          border: { top: { ...BORDER, size: 6, space: 1 }, bottom: { ...BORDER, size: 6, space: 1 } },
          children: runs("抄送：{{cc}}", CC),
        }),
      ];
    case "space":
      return Array.from({ length: Math.max(0, block.lines) }, () => paragraph("", BODY));
  }
}

/** The page number "— 1 —" in 宋体 14 pt, on the outer side: odd pages right, even pages left, one character in. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            font: allSlots(PAGE_NUMBER.font),
            size: PAGE_NUMBER.size,
            children: ["— ", PageNumber.CURRENT, " —"],
          }),
        ],
      }),
    ],
  });
}

/** Builds a kind's template in the GB/T 9704-2012 layout; the same definition always gives the same bytes. */
export async function buildTemplate(definition: TemplateDefinition): Promise<Uint8Array> {
  const doc = new Document({
    creator: "Procura",
    lastModifiedBy: "Procura",
    title: definition.label ?? definition.kind,
    description: `templates/${definition.kind}.docx (npm run templates:build)`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: allSlots(FONTS.body), size: LAYOUT.bodySize },
          paragraph: { spacing: EXACT },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: LAYOUT.pageWidth, height: LAYOUT.pageHeight, orientation: PageOrientation.PORTRAIT },
            // The footer sits 7 mm under the text block (GB/T 9704 7.5): 35 mm - 7 mm - one 14 pt line.
            margin: { ...LAYOUT.margin, header: 851, footer: 1304, gutter: 0 },
          },
          // No document grid: with Word's usual grid LibreOffice sets 14 characters a line.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LAYOUT.line },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: definition.body.flatMap(blockToChildren),
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toBuffer(doc));
  return normaliseDocx(bytes, TEMPLATE_TIMESTAMP);
}

// ---------------------------------------------------------------------------------------------
// The packaged templates: templates/<kind>.docx and templates/manifest.json (npm run templates:build).

export type ManifestField = {
  name: string;
  type: FieldSpec["type"];
  required: boolean;
  label: Bilingual;
  columns?: TableColumn[];
  numbering?: FieldSpec["numbering"];
};

export type ManifestEntry = {
  kind: DocumentKind;
  file: string;
  /** SHA-256 (hex) and size of templates/<kind>.docx. */
  sha256: string;
  size: number;
  label: Bilingual;
  subject: DocumentSubject;
  audience: DocumentAudience;
  numbered: boolean;
  fields: ManifestField[];
};

export type TemplateManifest = {
  /** How the files were made; they are reproducible byte for byte. */
  generatedBy: "npm run templates:build";
  layout: "GB/T 9704-2012";
  kinds: ManifestEntry[];
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own source type
type AnyDefinition = KindDefinition<any>;

/** A kind's label in both languages, from the i18n dictionaries (documentKind.<kind>). */
export function kindLabel(kind: DocumentKind): Bilingual {
  const key = `documentKind.${kind}` as keyof typeof zhCN;
  return { zh: zhCN[key] ?? kind, en: en[key] ?? kind };
}

/**
 * The problems of a definition's body against its fields: a placeholder no field declares, a
 * required field the body never mentions, a block field written inline or an inline field written
 * as a block. Empty when the template is sound.
 */
export function bodyProblems(def: Pick<AnyDefinition, "kind" | "numbered" | "fields" | "body">): string[] {
  const fields = new Map(allFieldsOf(def).map((f) => [f.name, f]));
  const inline = new Set<string>();
  const blocks = new Set<string>();
  for (const block of def.body) {
    switch (block.type) {
      case "issuer":
        inline.add("procuratorate");
        break;
      case "number":
        inline.add(NUMBER_FIELD.name);
        break;
      case "signature":
        inline.add("procuratorate").add("issued_on");
        if (block.signer) placeholdersIn(block.signer).forEach((n) => inline.add(n));
        break;
      case "cc":
        inline.add("cc");
        break;
      case "title":
      case "para":
      case "heading":
        placeholdersIn(block.text).forEach((n) => inline.add(n));
        break;
      case "form":
        for (const row of block.rows) {
          placeholdersIn(row.label).forEach((n) => inline.add(n));
          // A form cell holding only {{x}} may take a block field (its paragraph is replaced in the cell).
          const only = /^\{\{([a-z][a-z0-9_]*)\}\}$/.exec(row.text.trim());
          if (only && fields.get(only[1]!) && BLOCK_FIELD_TYPES.includes(fields.get(only[1]!)!.type)) blocks.add(only[1]!);
          else placeholdersIn(row.text).forEach((n) => inline.add(n));
        }
        break;
      case "block":
        blocks.add(block.field);
        break;
      case "space":
        break;
    }
  }
  const problems: string[] = [];
  for (const name of [...inline, ...blocks]) {
    if (!fields.has(name)) problems.push(`${def.kind}: {{${name}}} is not a field of the kind`);
  }
  for (const name of inline) {
    const f = fields.get(name);
    if (f && BLOCK_FIELD_TYPES.includes(f.type)) problems.push(`${def.kind}: {{${name}}} is a ${f.type} field, so it must be a block`);
  }
  for (const name of blocks) {
    const f = fields.get(name);
    if (f && !BLOCK_FIELD_TYPES.includes(f.type)) problems.push(`${def.kind}: {{${name}}} is a ${f.type} field, not a block`);
  }
  for (const f of fields.values()) {
    if (f.required && !inline.has(f.name) && !blocks.has(f.name)) problems.push(`${def.kind}: required field {{${f.name}}} is not in the body`);
  }
  return problems;
}

function manifestField(f: FieldSpec): ManifestField {
  return {
    name: f.name,
    type: f.type,
    required: f.required,
    label: f.label,
    ...(f.columns ? { columns: f.columns } : {}),
    ...(f.type === "list" ? { numbering: f.numbering ?? "chinese" } : {}),
  };
}

/**
 * Every packaged template and the manifest, in memory: { files: name → bytes } including
 * manifest.json. Throws when a definition's body does not match its fields.
 */
export async function buildPackagedTemplates(definitions: AnyDefinition[]): Promise<Map<string, Uint8Array>> {
  const problems = definitions.flatMap(bodyProblems);
  if (problems.length) throw new Error(`template bodies do not match their fields:\n${problems.join("\n")}`);
  const files = new Map<string, Uint8Array>();
  const kinds: ManifestEntry[] = [];
  for (const def of definitions) {
    const label = kindLabel(def.kind);
    const bytes = await buildTemplate({ kind: def.kind, numbered: def.numbered, body: def.body, label: label.zh });
    const file = `${def.kind}.docx`;
    files.set(file, bytes);
    kinds.push({
      kind: def.kind,
      file,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.byteLength,
      label,
      subject: def.subject,
      audience: def.audience,
      numbered: def.numbered,
      fields: allFieldsOf(def).map(manifestField),
    });
  }
  const manifest: TemplateManifest = { generatedBy: "npm run templates:build", layout: "GB/T 9704-2012", kinds };
  files.set("manifest.json", new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}
