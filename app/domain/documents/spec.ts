import type { DocumentKind } from "./kinds";

// The contract between the three halves of document generation (issue 10):
//   1. a kind's definition (app/domain/documents/kinds/<kind>.ts): its placeholders (FieldSpec), its
//      template body (TemplateBlock[]) and its pure mapper from a typed source to placeholder values;
//   2. the template builder (scripts/templates-build.ts → templates/<kind>.docx + manifest.json),
//      which lays the body out in GB/T 9704 and writes {{placeholders}} where the fields go;
//   3. the renderer (app/documents/render.server.ts), which fills a template's placeholders from
//      DocumentValues with the docx package's patching.
// Pure: no I/O, importable by the browser.

/**
 * What a placeholder holds.
 * - text: one line of text inside a paragraph ({{name}} may sit among other words);
 * - date: a date already written as 2022年6月16日 (formatDocumentDate); Arabic numerals, GB/T 9704 7.3.5;
 * - paragraphs: several paragraphs of body text (facts, reasons): a block placeholder;
 * - list: numbered items (一、二、 or 1. 2.): a block placeholder;
 * - table: rows under fixed columns: a block placeholder.
 * A block placeholder stands alone in its own paragraph of the template.
 */
export const FIELD_TYPES = ["text", "date", "paragraphs", "list", "table"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const BLOCK_FIELD_TYPES: readonly FieldType[] = ["paragraphs", "list", "table"];

export type Bilingual = { zh: string; en: string };

export type TableColumn = {
  key: string;
  label: Bilingual;
  /** Relative width (the builder shares the text block's 156 mm in these proportions). */
  width: number;
};

export type FieldSpec = {
  /** The placeholder's name: [a-z][a-z0-9_]*, written {{name}} in the template. */
  name: string;
  type: FieldType;
  required: boolean;
  /** What it means, for manifest.json and the admin page. */
  label: Bilingual;
  /** table only: its columns, in order. */
  columns?: TableColumn[];
  /** list only: how items are numbered (default "chinese": 一、二、…). */
  numbering?: "chinese" | "arabic" | "none";
};

/** The value of each placeholder, by name. Every text/date value is a string ("" when blank). */
export type DocumentValue = string | string[] | { rows: string[][] };
export type DocumentValues = Record<string, DocumentValue>;

/**
 * The template body, top to bottom, in words and placeholders. The builder adds the page setup,
 * fonts, the footer page number "— 1 —" and nothing else, so this is the whole document.
 * Inline text may contain {{name}} placeholders of text/date fields.
 */
export type TemplateBlock =
  /** 发文机关标志 line: "{{procuratorate}}" (小标宋 22 pt, centred). */
  | { type: "issuer" }
  /** The document's name (小标宋 22 pt, centred), e.g. "检察建议书". */
  | { type: "title"; text: string }
  /** The 文号 line "{{doc_number}}", right-aligned (仿宋 16 pt). Only for numbered kinds. */
  | { type: "number" }
  /** A body paragraph; indent: first line indented two characters (default true). */
  | { type: "para"; text: string; indent?: boolean; align?: "left" | "center" | "right" }
  /** 一、 heading (黑体) or （一） heading (楷体_GB2312). */
  | { type: "heading"; level: 1 | 2; text: string }
  /** A block placeholder paragraph: {{field}} alone, replaced by paragraphs, a list or a table. */
  | { type: "block"; field: string }
  /** A label and value line table (two columns, borders), e.g. for 送达回证 and forms: label: {{x}}. */
  | { type: "form"; rows: { label: string; text: string }[] }
  /**
   * The signature and seal area: the issuer's name and the date "{{issued_on}}" right-aligned four
   * characters in from the right, with room above for the red seal (GB/T 9704 7.3.5).
   * signer: an optional line before it (e.g. "听证员（签名）：").
   */
  | { type: "signature"; signer?: string }
  /** 抄送 line (仿宋 14 pt) "抄送：{{cc}}" under a rule. */
  | { type: "cc" }
  /** Vertical space of n blank lines. */
  | { type: "space"; lines: number };

/** Whom a document is for: decides which personal data its mapper may put in (个人信息保护法 Arts 33–34). */
export const DOCUMENT_AUDIENCES = ["internal", "agency", "panel", "public", "court", "party"] as const;
export type DocumentAudience = (typeof DOCUMENT_AUDIENCES)[number];

/**
 * The record a document is generated from, by id: a case, a clue (不立案), a consultation, a
 * hearing, a seat on a hearing's panel, a hearing participant, or a recommendation.
 */
export const DOCUMENT_SUBJECTS = [
  "case",
  "clue",
  "consultation",
  "hearing",
  "hearing_panelist",
  "hearing_participant",
  "recommendation",
] as const;
export type DocumentSubject = (typeof DOCUMENT_SUBJECTS)[number];

/** What every mapper gets besides its source: the issuing context, fixed in the snapshot. */
export type IssueContext = {
  /** The issuing procuratorate's full name (发文机关), e.g. 桂阳县人民检察院. */
  procuratorate: string;
  /** The 文号, or null for an unnumbered kind or a kind with no configured code. */
  number: string | null;
  /** The issue date as YYYY-MM-DD (Asia/Shanghai). */
  issuedOn: string;
};

/** Placeholders every template has, filled by the renderer's caller, not by the kind's mapper. */
export const COMMON_FIELDS: FieldSpec[] = [
  { name: "procuratorate", type: "text", required: true, label: { zh: "发文机关（人民检察院全称）", en: "Issuing procuratorate" } },
  { name: "issued_on", type: "date", required: true, label: { zh: "成文日期", en: "Date of issue" } },
];
/** The 文号 placeholder of numbered kinds (blank when issued unnumbered). */
export const NUMBER_FIELD: FieldSpec = {
  name: "doc_number",
  type: "text",
  required: true,
  label: { zh: "文号", en: "Document number" },
};

/**
 * When an agency-addressed document becomes the agency's (DOMAIN.md §5: the liaison sees "documents
 * served on the agency"):
 * - on_service: served with a 送达回证 (规则 Art 76; 民诉法 Arts 87–89); released to the agency only
 *   when its service is recorded (the service form, /cases/:id/serve);
 * - on_issue: reaches the agency without a proof of service (a participant's notice, minutes signed
 *   at the meeting, the proof of service itself); released when issued;
 * - never: not addressed to an agency (internal, panel, public, court).
 */
export const RELEASE_RULES = ["never", "on_issue", "on_service"] as const;
export type ReleaseRule = (typeof RELEASE_RULES)[number];

export type KindDefinition<Source> = {
  kind: DocumentKind;
  subject: DocumentSubject;
  audience: DocumentAudience;
  /** Takes a 文号 (from the subject, e.g. Recommendation.number, or from the allocator on issue). */
  numbered: boolean;
  /** When the addressed agency may see it: "never" exactly when the audience is not an agency. */
  release: ReleaseRule;
  /** The kind's own fields (COMMON_FIELDS and NUMBER_FIELD are added by allFieldsOf). */
  fields: FieldSpec[];
  body: TemplateBlock[];
  /** The generated document's title, e.g. "关于××的检察建议书（桂检行公建〔2022〕1号）". */
  title: (source: Source, ctx: IssueContext) => string;
  /** Pure: the kind's own placeholder values (never COMMON_FIELDS / doc_number). */
  map: (source: Source, ctx: IssueContext) => DocumentValues;
};

type ReleaseOf = Pick<KindDefinition<unknown>, "audience" | "release">;

/** Whether a document of this kind is addressed to an agency (GeneratedDocument.agencyId is set). */
export function addressedToAgency(def: ReleaseOf): boolean {
  return def.audience === "agency" && def.release !== "never";
}

/** Whether the addressed agency may see it as soon as it is issued (GeneratedDocument.agencyVisible at issue). */
export function agencyVisibleAtIssue(def: ReleaseOf): boolean {
  return addressedToAgency(def) && def.release === "on_issue";
}

/** Whether it is served with a 送达回证 and released to the agency by the record of its service. */
export function releasedOnService(def: ReleaseOf): boolean {
  return addressedToAgency(def) && def.release === "on_service";
}

/** Every placeholder of a kind: the common ones, the 文号 when numbered, then its own. */
export function allFieldsOf(def: Pick<KindDefinition<unknown>, "numbered" | "fields">): FieldSpec[] {
  return [...COMMON_FIELDS, ...(def.numbered ? [NUMBER_FIELD] : []), ...def.fields];
}

/** A date for a document: "2022-06-16" → "2022年6月16日" (Arabic numerals, no leading zeros; GB/T 9704 7.3.5). */
export function formatDocumentDate(isoDate: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate ?? "");
  if (!m) return "";
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A time of day in documents: a Date → "2022年6月16日 9时30分" (Asia/Shanghai). */
export function formatDocumentDateTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  const d = new Date(new Date(at).getTime() + 8 * 3600_000); // Asia/Shanghai has no DST
  const iso = d.toISOString();
  const date = formatDocumentDate(iso);
  return `${date}${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, "0")}分`;
}

/** 一、二、…: Chinese ordinal numerals up to 99, for lists and headings. */
export function chineseOrdinal(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n <= 0 || n >= 100 || !Number.isInteger(n)) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : digits[tens]}十${ones ? digits[ones] : ""}`;
}

/** The placeholder names a template's text mentions: "{{a}} and {{b}}" → ["a", "b"]. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{([a-z][a-z0-9_]*)\}\}/g)].map((m) => m[1]!);
}

/** Where a template version came from: templates/<kind>.docx registered on start, or an administrator's upload. */
export const TEMPLATE_ORIGINS = ["packaged", "upload"] as const;
export type TemplateOrigin = (typeof TEMPLATE_ORIGINS)[number];

/** DocumentBatch.status: a series batch runs, then ends done (some documents may have failed) or failed. */
export const BATCH_STATUSES = ["running", "done", "failed"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
