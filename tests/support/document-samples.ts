import type { DocumentValues, FieldSpec } from "~/domain/documents/spec";

// Sample values for any kind, built from its fields alone (every field filled, required or not):
// for rendering every template in tests (PDF page counts, layout) without the database.

export const SAMPLE_COMMON = {
  procuratorate: "桂阳县人民检察院",
  issued_on: "2022年6月16日",
  doc_number: "桂检行公建〔2022〕1号",
} as const;

const SENTENCE =
  "经查，桂阳县城区多家药店销售未经检验合格的一次性医用口罩，未标注生产日期和执行标准，损害社会公共利益。";

export function sampleValue(field: FieldSpec): DocumentValues[string] {
  if (field.name in SAMPLE_COMMON) return SAMPLE_COMMON[field.name as keyof typeof SAMPLE_COMMON];
  switch (field.type) {
    case "text":
      return `示例${field.label.zh}`;
    case "date":
      return "2022年6月16日";
    case "paragraphs":
      return [SENTENCE, `${field.label.zh}：${SENTENCE}`];
    case "list":
      return [`${field.label.zh}第一项。`, `${field.label.zh}第二项。`, `${field.label.zh}第三项。`];
    case "table":
      return {
        rows: [1, 2, 3].map((n) => (field.columns ?? []).map((c, i) => (i === 0 ? String(n) : `${c.label.zh}${n}`))),
      };
  }
}

/** A value for every field of a kind (allFieldsOf(definition)). */
export function sampleValues(fields: FieldSpec[]): DocumentValues {
  return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f)]));
}
