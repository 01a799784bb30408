import { expect } from "vitest";
import type { KindDefinition } from "~/domain/documents/spec";
import { allFieldsOf, BLOCK_FIELD_TYPES, placeholdersIn } from "~/domain/documents/spec";

/**
 * A kind's template body and its fields agree: every placeholder the body names is a field (inline
 * ones text or date, block ones paragraphs, list or table), and every required field is in the body.
 */
export function expectBodyMatchesFields(def: Pick<KindDefinition<unknown>, "body" | "fields" | "numbered">) {
  const fields = new Map(allFieldsOf(def).map((f) => [f.name, f]));
  const used = new Set<string>();
  const inline = (name: string) => {
    const f = fields.get(name);
    expect(f, `unknown placeholder ${name}`).toBeDefined();
    expect(BLOCK_FIELD_TYPES, `${name} is a block field used inline`).not.toContain(f!.type);
    used.add(name);
  };
  for (const block of def.body) {
    if (block.type === "issuer") inline("procuratorate");
    if (block.type === "number") inline("doc_number");
    if (block.type === "signature") inline("issued_on");
    if (block.type === "cc") inline("cc");
    if (block.type === "block") {
      const f = fields.get(block.field);
      expect(f, `unknown block ${block.field}`).toBeDefined();
      expect(BLOCK_FIELD_TYPES).toContain(f!.type);
      used.add(block.field);
    }
    if (block.type === "para" || block.type === "heading") placeholdersIn(block.text).forEach(inline);
    if (block.type === "form") block.rows.forEach((r) => placeholdersIn(r.text).forEach(inline));
  }
  for (const f of fields.values()) if (f.required) expect(used, `required ${f.name} not in the body`).toContain(f.name);
  for (const f of def.fields) if (f.type === "table") expect(f.columns?.length, `${f.name} has no columns`).toBeGreaterThan(0);
}

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return v.every((x: string) => x.trim() === "");
  return (v as { rows: unknown[] }).rows.length === 0;
}

/** The values a mapper returned cover exactly the kind's own fields, with the right shapes, every required one filled. */
export function expectValuesMatchFields(def: Pick<KindDefinition<unknown>, "fields">, values: Record<string, unknown>) {
  expect(Object.keys(values).sort()).toEqual(def.fields.map((f) => f.name).sort());
  for (const f of def.fields) {
    const v = values[f.name];
    // The renderer refuses a required value that is blank (documentRender.missingValues).
    if (f.required) expect(isBlank(v), `required ${f.name} is blank`).toBe(false);
    if (f.type === "text" || f.type === "date") expect(typeof v, f.name).toBe("string");
    if (f.type === "paragraphs" || f.type === "list") expect(Array.isArray(v), f.name).toBe(true);
    if (f.type === "table") {
      const rows = (v as { rows: string[][] }).rows;
      for (const row of rows) expect(row.length, `${f.name} row width`).toBe(f.columns!.length);
    }
  }
}
