import { describe, expect, it } from "vitest";
import type { FieldSpec } from "~/domain/documents/spec";
import { COMMON_FIELDS } from "~/domain/documents/spec";
import type { TemplateProblem } from "~/domain/documents/template-check";
import { checkTemplate, problemMessage, TemplateRejectedError } from "~/domain/documents/template-check";

const label = { zh: "字段", en: "Field" };
const FIELDS: FieldSpec[] = [
  ...COMMON_FIELDS,
  { name: "case_name", type: "text", required: true, label },
  { name: "remarks", type: "text", required: false, label },
  { name: "facts", type: "paragraphs", required: true, label },
  { name: "items", type: "table", required: false, label, columns: [{ key: "name", label, width: 1 }] },
];
const ALL = FIELDS.map((f) => f.name);
const MAX = 1000;
const check = (inspection: Parameters<typeof checkTemplate>[0]["inspection"], size = 100) =>
  checkTemplate({ fields: FIELDS, inspection, size, maxBytes: MAX });

describe("checkTemplate", () => {
  it("accepts a template with every placeholder, and one without the optional ones", () => {
    expect(check({ ok: true, placeholders: ALL })).toEqual([]);
    expect(check({ ok: true, placeholders: ["procuratorate", "issued_on", "case_name", "facts"], malformed: [], inline: [] })).toEqual([]);
  });

  it("refuses a file that is not a .docx, or a damaged one", () => {
    expect(check({ ok: false, problem: "not_docx" })).toEqual([{ code: "not_docx" }]);
    expect(check({ ok: false, problem: "corrupt" })).toEqual([{ code: "corrupt" }]);
  });

  it("refuses a file over the limit, without looking inside when it was not inspected", () => {
    expect(check(null, MAX + 1)).toEqual([{ code: "too_large", size: MAX + 1, limit: MAX }]);
    expect(check({ ok: true, placeholders: ALL }, MAX)).toEqual([]);
    expect(check({ ok: false, problem: "corrupt" }, MAX + 1)).toEqual([{ code: "too_large", size: MAX + 1, limit: MAX }, { code: "corrupt" }]);
  });

  it("names each missing required placeholder, never an optional one", () => {
    expect(check({ ok: true, placeholders: ["procuratorate", "case_name"] })).toEqual([
      { code: "missing", name: "issued_on" },
      { code: "missing", name: "facts" },
    ]);
  });

  it("names each unknown placeholder once", () => {
    expect(check({ ok: true, placeholders: [...ALL, "informant_name", "x1", "informant_name"] })).toEqual([
      { code: "unknown", name: "informant_name" },
      { code: "unknown", name: "x1" },
    ]);
  });

  it("lists malformed placeholders as written", () => {
    expect(check({ ok: true, placeholders: ALL, malformed: ["{{ case_name }}", "{{Name}}", "{{facts"] })).toEqual([
      { code: "malformed", text: "{{ case_name }}" },
      { code: "malformed", text: "{{Name}}" },
      { code: "malformed", text: "{{facts" },
    ]);
  });

  it("refuses a block placeholder sharing its paragraph, not a text one", () => {
    expect(check({ ok: true, placeholders: ALL, inline: ["facts", "case_name", "items"] })).toEqual([
      { code: "block_not_alone", name: "facts" },
      { code: "block_not_alone", name: "items" },
    ]);
  });

  it("reports every problem together", () => {
    const problems = check({ ok: true, placeholders: ["procuratorate", "issued_on", "facts", "extra"], malformed: ["{{Case}}"], inline: ["facts"] });
    expect(problems.map((p) => p.code)).toEqual(["missing", "unknown", "malformed", "block_not_alone"]);
  });
});

describe("problemMessage and TemplateRejectedError", () => {
  it("gives each problem its key and values", () => {
    const cases: [TemplateProblem, string, Record<string, string | number>][] = [
      [{ code: "not_docx" }, "templates.problem.not_docx", {}],
      [{ code: "corrupt" }, "templates.problem.corrupt", {}],
      [{ code: "too_large", size: 6 * 1024 * 1024, limit: 5 * 1024 * 1024 }, "templates.problem.too_large", { size: "6 MiB", limit: "5 MiB" }],
      [{ code: "missing", name: "facts" }, "templates.problem.missing", { name: "{{facts}}" }],
      [{ code: "unknown", name: "x" }, "templates.problem.unknown", { name: "{{x}}" }],
      [{ code: "malformed", text: "{{ a }}" }, "templates.problem.malformed", { text: "{{ a }}" }],
      [{ code: "block_not_alone", name: "facts" }, "templates.problem.block_not_alone", { name: "{{facts}}" }],
    ];
    for (const [problem, key, vars] of cases) expect(problemMessage(problem)).toEqual({ key, vars });
  });

  it("answers 400, or 413 when the file is too large", () => {
    expect(new TemplateRejectedError([{ code: "missing", name: "a" }]).status).toBe(400);
    expect(new TemplateRejectedError([{ code: "too_large", size: 2, limit: 1 }]).status).toBe(413);
  });
});
