import Docxtemplater from "docxtemplater";
import { PatchType, Paragraph, TextRun, patchDocument } from "docx";
import PizZip from "pizzip";
import { bench, describe } from "vitest";

import { buildTemplate } from "~/documents/layout.server";
import { bodyParagraph, borderedTable, renderDocument } from "~/documents/render.server";
import { allFieldsOf, chineseOrdinal } from "~/domain/documents/spec";
import { TEST_DEFINITION, TEST_VALUES } from "#tests/support/document-definitions";

// Issue 10: one recommendation-like document through renderDocument (docx patchDocument plus the
// normalisation that makes it reproducible), beside docxtemplater + pizzip filling an equivalent
// template (the same layout and content, with docxtemplater's {{ }} tags and loops for the
// paragraphs, the list and the table rows); and the series' 9-letter batch.
// Goals: renderDocument within 1.5x of docxtemplater; the 9-letter batch under 0.5 s.

const FIELDS = allFieldsOf(TEST_DEFINITION);
const template = await buildTemplate(TEST_DEFINITION);
const AT = new Date("2022-06-16T02:00:00Z");

// The docxtemplater template: the same built template, its block placeholders patched into loops.
const tag = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const dxTemplate = await patchDocument({
  outputType: "uint8array",
  data: template,
  keepOriginalStyles: true,
  patches: {
    facts: { type: PatchType.DOCUMENT, children: [tag("{{#facts}}"), bodyParagraph("{{.}}"), tag("{{/facts}}")] },
    measures: { type: PatchType.DOCUMENT, children: [tag("{{#measures}}"), bodyParagraph("{{.}}"), tag("{{/measures}}")] },
    evidence: {
      type: PatchType.DOCUMENT,
      children: [
        borderedTable(["序号", "证据名称", "来源"], [["{{#evidence}}{{no}}", "{{name}}", "{{source}}{{/evidence}}"]], [1, 4, 3]),
      ],
    },
  },
});
const dxData = {
  ...TEST_VALUES,
  measures: TEST_VALUES.measures.map((m, i) => `${chineseOrdinal(i + 1)}、${m}`),
  evidence: TEST_VALUES.evidence.rows.map(([no, name, source]) => ({ no, name, source })),
};

function docxtemplater(): Uint8Array {
  const doc = new Docxtemplater(new PizZip(dxTemplate), {
    delimiters: { start: "{{", end: "}}" },
    paragraphLoop: true,
    linebreaks: true,
  });
  doc.render(dxData);
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}

// The 9 letters of the 桂阳 series: the same template, each with its own agency and 文号.
const letters = Array.from({ length: 9 }, (_, i) => ({
  ...TEST_VALUES,
  doc_number: `桂检行公建〔2022〕${i + 1}号`,
  agency: `桂阳县第${chineseOrdinal(i + 1)}药品经营单位主管部门`,
}));

describe("one recommendation letter", () => {
  bench("renderDocument (docx patchDocument + normalisation)", async () => {
    await renderDocument({ template, fields: FIELDS, values: TEST_VALUES, generatedAt: AT });
  }, { warmupIterations: 10, time: 2000 });
  bench("docxtemplater + pizzip (equivalent template)", () => {
    docxtemplater();
  }, { warmupIterations: 10, time: 2000 });
});

describe("the series batch: 9 letters", () => {
  bench("renderDocument x 9", async () => {
    for (const values of letters) {
      await renderDocument({ template, fields: FIELDS, values, generatedAt: AT });
    }
  }, { warmupIterations: 3, time: 3000 });
  bench("docxtemplater x 9", () => {
    for (let i = 0; i < 9; i++) docxtemplater();
  }, { warmupIterations: 3, time: 3000 });
});
