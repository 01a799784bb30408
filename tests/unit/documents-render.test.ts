import { createHash } from "node:crypto";

import { Document, Footer, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";

import {
  MissingDocumentValuesError,
  UnfilledPlaceholderError,
  docxFileName,
  normaliseDocx,
  renderDocument,
} from "~/documents/render.server";
import type { DocumentValues, FieldSpec } from "~/domain/documents/spec";
import { COMMON_FIELDS, NUMBER_FIELD } from "~/domain/documents/spec";
import { readDocx } from "#tests/support/docx";

const label = { zh: "字段", en: "field" };
const FIELDS: FieldSpec[] = [
  ...COMMON_FIELDS,
  NUMBER_FIELD,
  { name: "agency", type: "text", required: true, label },
  { name: "facts", type: "paragraphs", required: true, label },
  { name: "measures", type: "list", required: true, label },
  { name: "steps", type: "list", required: false, label, numbering: "arabic" },
  {
    name: "evidence",
    type: "table",
    required: true,
    label,
    columns: [
      { key: "no", label: { zh: "序号", en: "No." }, width: 1 },
      { key: "name", label: { zh: "证据名称", en: "Name" }, width: 4 },
      { key: "sha", label: { zh: "SHA-256", en: "SHA-256" }, width: 3 },
    ],
  },
  { name: "note", type: "text", required: false, label },
];

// A small template written like the builder's: a styled run per placeholder, block placeholders alone.
async function template(extra: string[] = []): Promise<Uint8Array> {
  const run = (text: string) => new TextRun({ text, font: { ascii: "仿宋_GB2312", hAnsi: "仿宋_GB2312", cs: "仿宋_GB2312", eastAsia: "仿宋_GB2312" }, size: 32 });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: "{{procuratorate}}", font: "方正小标宋简体", size: 44 })] }),
          new Paragraph({ children: [run("{{doc_number}}")] }),
          new Paragraph({ children: [run("{{agency}}："), run("备注{{note}}。")] }),
          new Paragraph({ children: [run("{{facts}}")] }),
          new Paragraph({ children: [run("{{measures}}")] }),
          new Paragraph({ children: [run("{{steps}}")] }),
          new Paragraph({ children: [run("{{evidence}}")] }),
          new Paragraph({ children: [run("{{issued_on}}")] }),
          ...extra.map((t) => new Paragraph({ children: [run(t)] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const VALUES: DocumentValues = {
  procuratorate: "桂阳县人民检察院",
  issued_on: "2022年6月16日",
  doc_number: "桂检行公建〔2022〕1号",
  agency: "桂阳县市场监督管理局",
  facts: ["2022年3月，本院发现辖区药店销售不合格口罩。", "上述行为损害社会公共利益。"],
  measures: ["依法查处销售不合格口罩的行为；", "加强日常监管。"],
  steps: ["收到本建议书后两个月内书面回复。"],
  evidence: {
    rows: [
      ["1", "现场照片", "a".repeat(64)],
      ["2", "抽检报告", "b".repeat(64)],
    ],
  },
  note: "",
};
const AT = new Date("2022-06-16T02:30:00Z");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("renderDocument", () => {
  let tpl: Uint8Array;
  beforeAll(async () => {
    tpl = await template();
  });

  it("gives the same bytes (same SHA-256) for the same inputs, and different bytes for another generatedAt", async () => {
    const a = await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT });
    const b = await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: new Date(AT) });
    expect(sha(a)).toBe(sha(b));
    const c = await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: new Date("2022-06-17T02:30:00Z") });
    expect(sha(c)).not.toBe(sha(a));
    // The timestamps inside come from generatedAt, not the clock.
    expect(readDocx(a).core).toContain("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-06-16T02:30:00Z</dcterms:created>");
    expect(readDocx(a).core).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2022-06-16T02:30:00Z</dcterms:modified>");
  });

  it("fills text fields inside their paragraph, keeping the placeholder run's font", async () => {
    const doc = readDocx(await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT }));
    expect(doc.bodyParagraphs).toContain("桂阳县人民检察院");
    expect(doc.bodyParagraphs).toContain("桂检行公建〔2022〕1号");
    expect(doc.bodyParagraphs).toContain("桂阳县市场监督管理局：备注。");
    expect(doc.bodyParagraphs).toContain("2022年6月16日");
    expect(doc.fontsOf("桂阳县人民检察院")).toEqual(["方正小标宋简体"]);
    expect(doc.fontsOf("桂阳县市场监督管理局")).toEqual(["仿宋_GB2312"]);
    expect(doc.placeholders).toEqual([]);
    expect(doc.text).not.toContain("{{");
  });

  it("replaces a paragraphs block with body paragraphs: 仿宋_GB2312 16 pt, exact 28.95 pt lines, two-character indent", async () => {
    const doc = readDocx(await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT }));
    const p = doc.paragraph("不合格口罩。");
    expect(p.text).toBe("2022年3月，本院发现辖区药店销售不合格口罩。");
    expect(p.runs[0]).toMatchObject({ eastAsia: "仿宋_GB2312", ascii: "仿宋_GB2312", size: 32 });
    expect(p.xml).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(p.xml).toContain('<w:ind w:firstLine="640"/>');
    // The placeholder's own paragraph is gone, not left empty beside the new ones.
    const i = doc.bodyParagraphs.indexOf("2022年3月，本院发现辖区药店销售不合格口罩。");
    expect(doc.bodyParagraphs[i - 1]).toBe("桂阳县市场监督管理局：备注。");
  });

  it("numbers list items 一、二、 by default and 1. 2. when the field says arabic", async () => {
    const doc = readDocx(await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT }));
    expect(doc.bodyParagraphs).toContain("一、依法查处销售不合格口罩的行为；");
    expect(doc.bodyParagraphs).toContain("二、加强日常监管。");
    expect(doc.bodyParagraphs).toContain("1. 收到本建议书后两个月内书面回复。");
  });

  it("writes a table field as a bordered table with a header row and one row per value", async () => {
    const doc = readDocx(await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT }));
    expect(doc.tables).toEqual([
      [
        ["序号", "证据名称", "SHA-256"],
        ["1", "现场照片", "a".repeat(64)],
        ["2", "抽检报告", "b".repeat(64)],
      ],
    ]);
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.xml)![0];
    expect(tbl).toContain('<w:insideH w:val="single"');
    expect(tbl).toContain("<w:tblHeader/>");
    // Widths in proportion 1 : 4 : 3 across the 156 mm text block (8845 twips).
    const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(cols[1]! / cols[0]!).toBeCloseTo(4, 1);
  });

  it("removes an optional block with no value and leaves no placeholder", async () => {
    const doc = readDocx(
      await renderDocument({ template: tpl, fields: FIELDS, values: { ...VALUES, steps: [] }, generatedAt: AT }),
    );
    expect(doc.text).not.toContain("{{");
    expect(doc.text).not.toContain("收到本建议书后");
  });

  it("accepts a blank 文号 (issued unnumbered) but refuses other missing or blank required values, naming them all", async () => {
    const unnumbered = readDocx(
      await renderDocument({ template: tpl, fields: FIELDS, values: { ...VALUES, doc_number: "" }, generatedAt: AT }),
    );
    expect(unnumbered.text).not.toContain("〔");
    const { agency: _agency, ...noAgency } = VALUES;
    const error = await renderDocument({
      template: tpl,
      fields: FIELDS,
      values: { ...noAgency, facts: [], evidence: { rows: [] }, procuratorate: "  " },
      generatedAt: AT,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingDocumentValuesError);
    expect((error as MissingDocumentValuesError).missing).toEqual(["procuratorate", "agency", "facts", "evidence"]);
    expect((error as Error).message).toContain("agency, facts, evidence");
  });

  it("refuses a result that still holds a placeholder (one no field fills)", async () => {
    const withUnknown = await template(["另见{{attachment}}。"]);
    const error = await renderDocument({ template: withUnknown, fields: FIELDS, values: VALUES, generatedAt: AT }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnfilledPlaceholderError);
    expect((error as UnfilledPlaceholderError).placeholders).toEqual(["attachment"]);
  });

  it("refuses a template placeholder with no field even when the values are full of braces, and a stray \"{{\" in the template", async () => {
    const withUnknown = await template(["另见{{attachment}}。"]);
    const error = await renderDocument({ template: withUnknown, fields: FIELDS, values: { ...VALUES, note: "{{x}}" }, generatedAt: AT }).catch(
      (e: unknown) => e,
    );
    expect((error as UnfilledPlaceholderError).placeholders).toEqual(["attachment"]);
    const stray = await template(["见{{附件"]);
    await expect(renderDocument({ template: stray, fields: FIELDS, values: VALUES, generatedAt: AT })).rejects.toBeInstanceOf(UnfilledPlaceholderError);
  });

  it("renders a value that itself contains \"{{\" (the user's text, not a placeholder)", async () => {
    const agency = "现场张贴“{{”字样的标语";
    const bytes = await renderDocument({
      template: tpl,
      fields: FIELDS,
      values: { ...VALUES, agency, note: "{{agency}}", facts: ["标语写有{{", "和}}"] },
      generatedAt: AT,
    });
    const { text } = readDocx(bytes);
    expect(text).toContain(`${agency}：`);
    expect(text).toContain("备注{{agency}}。");
    expect(text).toContain("标语写有{{");
  });

  it("refuses a value of the wrong shape for its field", async () => {
    await expect(
      renderDocument({ template: tpl, fields: FIELDS, values: { ...VALUES, evidence: ["1"] }, generatedAt: AT }),
    ).rejects.toThrow(/evidence must be \{ rows \}/);
  });

  it("fills a placeholder Word split across runs, and one in a footer", async () => {
    const doc = new Document({
      sections: [
        {
          footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun("{{agency}}")] })] }) },
          children: [
            new Paragraph({ children: [new TextRun("文号："), new TextRun("{{"), new TextRun("doc_"), new TextRun("number}}")] }),
            new Paragraph({ children: [new TextRun("{{procuratorate}}{{issued_on}}")] }),
          ],
        },
      ],
    });
    const split = new Uint8Array(await Packer.toBuffer(doc));
    const out = readDocx(await renderDocument({ template: split, fields: FIELDS, values: VALUES, generatedAt: AT }));
    expect(out.bodyParagraphs).toEqual(["文号：桂检行公建〔2022〕1号", "桂阳县人民检察院2022年6月16日"]);
    expect(out.footers.map((f) => f.text)).toContain("桂阳县市场监督管理局");
    expect(out.placeholders).toEqual([]);
  });

  it("keeps a template's other parts (styles, settings, theme) byte for byte", async () => {
    const out = unzipSync(await renderDocument({ template: tpl, fields: FIELDS, values: VALUES, generatedAt: AT }));
    const original = unzipSync(tpl);
    for (const part of ["word/styles.xml", "word/settings.xml", "word/fontTable.xml"]) {
      expect(strFromU8(out[part]!), part).toBe(strFromU8(original[part]!));
    }
    expect(Object.keys(out).sort()).toEqual(Object.keys(original).sort());
  });

  it("normalises a package: fixed entry order and times, whatever order and times it came with", () => {
    const files = unzipSync(normaliseDocx(tplSync(), AT));
    const names = Object.keys(files);
    expect(names[0]).toBe("[Content_Types].xml");
    expect(names.slice(2)).toEqual([...names.slice(2)].sort());
    expect(strFromU8(files["docProps/core.xml"]!)).toContain("2022-06-16T02:30:00Z");
  });
});

describe("docxFileName", () => {
  it("joins title and number into a safe file name, without repeating a number the title has", () => {
    expect(docxFileName("检察建议书", "桂检行公建〔2022〕1号")).toBe("检察建议书_桂检行公建〔2022〕1号.docx");
    expect(docxFileName("关于口罩的检察建议书（桂检行公建〔2022〕1号）", "桂检行公建〔2022〕1号")).toBe(
      "关于口罩的检察建议书（桂检行公建〔2022〕1号）.docx",
    );
    expect(docxFileName('a/b:c*?"<>|\u0007', null)).toBe("abc.docx");
  });
});

// A tiny zip in reverse order with odd times, built by hand for the normalisation test.
function tplSync(): Uint8Array {
  return zipSync({
    "word/document.xml": [strToU8("<w:document/>"), { mtime: new Date(2001, 1, 1) }],
    "docProps/core.xml": [
      strToU8(
        '<cp:coreProperties xmlns:cp="x" xmlns:dcterms="y" xmlns:xsi="z"><dcterms:created xsi:type="dcterms:W3CDTF">2001-01-01T00:00:00Z</dcterms:created></cp:coreProperties>',
      ),
      { mtime: new Date(2003, 1, 1) },
    ],
    "_rels/.rels": strToU8("<Relationships/>"),
    "[Content_Types].xml": strToU8("<Types/>"),
  });
}
