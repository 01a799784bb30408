import { z } from "zod";

// 文号 (document numbers) and case register numbers. Pure: no I/O, importable by the browser.
//
// A 文号 reads <procuratorate short name>检<code>〔<year>〕<n>号, e.g. 桂检行公建〔2026〕5号 (建议规定
// Art 7: a recommendation is numbered; DOMAIN.md §3 documents the 行公建 code only). Codes are data
// (DocumentNumberCode, edited by an administrator); nothing here invents one.
// Case.number is an internal register number, not a 文号: YYYY-行公-NNN.

/** Document kinds that may carry a 文号, each with its own code once an administrator sets one. */
export const NUMBERED_DOCUMENT_KINDS = [
  "recommendation",
  "filing_decision",
  "not_filing_decision",
  "suspension_decision",
  "resumption_decision",
  "closure_decision",
  "complaint",
] as const;
export type NumberedDocumentKind = (typeof NUMBERED_DOCUMENT_KINDS)[number];
export const numberedDocumentKindSchema = z.enum(NUMBERED_DOCUMENT_KINDS);

/**
 * The counter key of case register numbers. It contains a character no 文号 code may contain
 * (codes are Chinese characters, letters and digits only), so it never shares a counter with one.
 */
export const REGISTER_COUNTER_KEY = "case-register";

/** A 文号 code: 1–8 Chinese characters, letters or digits (行公建, 行公立…). */
export const DOCUMENT_CODE_PATTERN = /^[\p{Script=Han}A-Za-z0-9]{1,8}$/u;

export function formatDocumentNumber(input: { shortName: string; code: string; year: number; seq: number }): string {
  return `${input.shortName}检${input.code}〔${input.year}〕${input.seq}号`;
}

export function formatRegisterNumber(year: number, seq: number): string {
  return `${year}-行公-${String(seq).padStart(3, "0")}`;
}

/** The sequence of a register number of this year ("2026-行公-007" → 7), or null. */
export function registerSeqOf(number: string | null | undefined, year: number): number | null {
  const m = /^(\d{4})-行公-(\d+)$/.exec(number ?? "");
  if (!m || Number(m[1]) !== year) return null;
  return Number(m[2]);
}

/** The sequence of a 文号 with this code and year ("桂检行公建〔2026〕4号" → 4), or null. */
export function documentSeqOf(number: string | null | undefined, code: string, year: number): number | null {
  const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(number ?? "");
  if (!m?.[1] || Number(m[2]) !== year || !m[1].endsWith(`检${code}`)) return null;
  return Number(m[3]);
}

/** The administrator's form at /admin/numbering: one code per document kind (empty = none). */
export const documentNumberCodeSchema = z.object({
  kind: numberedDocumentKindSchema,
  code: z
    .string({ error: "validation.required" })
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || DOCUMENT_CODE_PATTERN.test(v), { message: "numbering.validation.code" }),
});
export type DocumentNumberCodeInput = z.infer<typeof documentNumberCodeSchema>;
