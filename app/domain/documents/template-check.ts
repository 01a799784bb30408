import { AppError } from "~/utils/errors";
import type { FieldSpec } from "./spec";
import { BLOCK_FIELD_TYPES } from "./spec";

// The check of a template file against its kind's manifest (issue 10, item 4): a valid .docx, under
// the size limit, with every required placeholder, no unknown one, none malformed, and every block
// placeholder (paragraphs, list, table) alone in its paragraph (spec.ts: the renderer replaces that
// paragraph). Pure: the caller inspects the file (app/documents/inspect.server.ts) and passes the
// kind's fields (fieldsOf(kind)).

/** A placeholder name as the manifest writes it (spec.ts FieldSpec.name). */
export const PLACEHOLDER_NAME = /^[a-z][a-z0-9_]*$/;

/** TEMPLATE_MAX_BYTES when unset: 5 MiB (a template is a few tens of KiB). */
export const DEFAULT_TEMPLATE_MAX_BYTES = 5 * 1024 * 1024;

/** What inspecting a file found (null when it was not inspected because it is too large). */
export type TemplateInspection =
  | { ok: true; placeholders: readonly string[]; malformed?: readonly string[]; inline?: readonly string[] }
  | { ok: false; problem: "not_docx" | "corrupt" };

export type TemplateProblem =
  | { code: "not_docx" }
  | { code: "corrupt" }
  | { code: "too_large"; size: number; limit: number }
  | { code: "missing"; name: string }
  | { code: "unknown"; name: string }
  | { code: "malformed"; text: string }
  | { code: "block_not_alone"; name: string };

export type TemplateCheckInput = {
  fields: readonly FieldSpec[];
  inspection: TemplateInspection | null;
  size: number;
  maxBytes: number;
};

/** Every problem of a template file, in a stable order; an empty list means it may be used. */
export function checkTemplate({ fields, inspection, size, maxBytes }: TemplateCheckInput): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (size > maxBytes) problems.push({ code: "too_large", size, limit: maxBytes });
  if (!inspection) return problems;
  if (!inspection.ok) return [...problems, { code: inspection.problem }];

  const found = new Set(inspection.placeholders);
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const field of fields) {
    if (field.required && !found.has(field.name)) problems.push({ code: "missing", name: field.name });
  }
  for (const name of new Set(inspection.placeholders)) {
    if (!known.has(name)) problems.push({ code: "unknown", name });
  }
  for (const text of new Set(inspection.malformed ?? [])) problems.push({ code: "malformed", text });
  for (const name of new Set(inspection.inline ?? [])) {
    const field = known.get(name);
    if (field && BLOCK_FIELD_TYPES.includes(field.type)) problems.push({ code: "block_not_alone", name });
  }
  return problems;
}

/** The i18n key and values of a problem, for the list shown to the administrator. */
export function problemMessage(problem: TemplateProblem): { key: string; vars: Record<string, string | number> } {
  switch (problem.code) {
    case "not_docx":
    case "corrupt":
      return { key: `templates.problem.${problem.code}`, vars: {} };
    case "too_large":
      return { key: "templates.problem.too_large", vars: { limit: formatMiB(problem.limit), size: formatMiB(problem.size) } };
    case "missing":
    case "unknown":
    case "block_not_alone":
      return { key: `templates.problem.${problem.code}`, vars: { name: `{{${problem.name}}}` } };
    case "malformed":
      return { key: "templates.problem.malformed", vars: { text: problem.text } };
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${mib >= 10 ? Math.round(mib) : Math.round(mib * 10) / 10} MiB`;
}

/** A template file refused by the check (400, nothing written), with its problems to list. */
export class TemplateRejectedError extends AppError {
  constructor(public readonly problems: TemplateProblem[]) {
    super("templates.error.rejected", problems.some((p) => p.code === "too_large") ? 413 : 400);
    this.name = "TemplateRejectedError";
  }
}
