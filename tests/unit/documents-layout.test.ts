import { createHash } from "node:crypto";

import { patchDetector } from "docx";
import { beforeAll, describe, expect, it } from "vitest";

import { bodyProblems, buildPackagedTemplates, buildTemplate } from "~/documents/layout.server";
import { renderDocument } from "~/documents/render.server";
import { allFieldsOf } from "~/domain/documents/spec";
import { TEST_DEFINITION, TEST_VALUES } from "#tests/support/document-definitions";
import type { ReadDocx } from "#tests/support/docx";
import { readDocx } from "#tests/support/docx";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("buildTemplate: the GB/T 9704-2012 layout", () => {
  let bytes: Uint8Array;
  let doc: ReadDocx;
  beforeAll(async () => {
    bytes = await buildTemplate(TEST_DEFINITION);
    doc = readDocx(bytes);
  });

  it("is A4 with margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm, and no document grid", () => {
    expect(doc.page).toMatchObject({ width: 11906, height: 16838, margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } });
    expect(doc.page.docGrid).toContain('w:type="default"');
    expect(doc.page.docGrid).not.toMatch(/lines|snapToChars/);
  });

  it("sets exact 28.95 pt lines on every body paragraph and the eastAsia font on every run", () => {
    const body = doc.paragraphDetails.filter((p) => !p.inTable);
    for (const [i, p] of doc.paragraphDetails.entries()) {
      if (p.inTable) continue;
      expect(doc.spacings[i]).toEqual({ line: 579, lineRule: "exact" });
    }
    expect(body.length).toBeGreaterThan(10);
    for (const r of doc.runs) {
      expect(r.eastAsia).toBeTruthy();
      expect(r.ascii).toBe(r.eastAsia);
    }
    // Run character spacing -0.25 pt: 28 characters a line without a grid.
    expect(doc.paragraph("现查明").xml).toContain('<w:spacing w:val="-5"/>');
    // The defaults too, for text a clerk types into the template.
    const styles = doc.part("word/styles.xml")!;
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
  });

  it("writes the issuer and title in 方正小标宋简体 22 pt centred, the 文号 right-aligned, headings in 黑体 and 楷体_GB2312", () => {
    for (const text of ["{{procuratorate}}", "检察建议书"]) {
      const p = doc.paragraphDetails.find((x) => x.text === text)!;
      expect(p.align).toBe("center");
      expect(p.runs[0]).toMatchObject({ eastAsia: "方正小标宋简体", size: 44 });
    }
    expect(doc.paragraph("{{doc_number}}").align).toBe("right");
    expect(doc.fontsOf("一、查明的事实")).toEqual(["黑体"]);
    expect(doc.fontsOf("（一）证据")).toEqual(["楷体_GB2312"]);
    expect(doc.paragraph("现查明").runs.every((r) => r.size === 32 && r.eastAsia === "仿宋_GB2312")).toBe(true);
    expect(doc.paragraph("现查明").xml).toContain('w:firstLine="640"');
  });

  it("puts each block placeholder alone in its paragraph, and each inline placeholder in a run of its own", () => {
    for (const name of ["facts", "measures", "evidence"]) {
      expect(doc.bodyParagraphs).toContain(`{{${name}}}`);
    }
    const p = doc.paragraph("现查明");
    expect(p.runs.map((r) => r.text)).toEqual(["本院于", "{{found_on}}", "在履行职责中发现", "{{case_name}}", "一案，现查明："]);
  });

  it("has the signature area: issuer and date four characters in from the right, three blank lines above for the seal", () => {
    const i = doc.bodyParagraphs.lastIndexOf("{{procuratorate}}");
    expect(doc.bodyParagraphs[i + 1]).toBe("{{issued_on}}");
    expect(doc.bodyParagraphs.slice(i - 3, i)).toEqual(["", "", ""]);
    const signature = doc.paragraphDetails.filter((p) => p.text === "{{issued_on}}")[0]!;
    expect(signature.align).toBe("right");
    expect(signature.xml).toContain('w:right="1280"');
  });

  it("has the 抄送 line in 仿宋 14 pt between rules, and the form as a bordered table", () => {
    const cc = doc.paragraph("抄送：");
    expect(cc.runs.every((r) => r.size === 28 && r.eastAsia === "仿宋_GB2312")).toBe(true);
    expect(cc.xml).toMatch(/<w:pBdr><w:top [^>]*w:val="single"[\s\S]*<w:bottom /);
    expect(doc.tables).toEqual([[["受送达单位", "{{agency}}"]]]);
  });

  it("numbers pages \"— 1 —\" in 宋体 14 pt, odd pages right and even pages left", () => {
    expect(doc.page.evenAndOddHeaders).toBe(true);
    const odd = doc.footers.find((f) => f.path === doc.page.footerRefs.default)!;
    const even = doc.footers.find((f) => f.path === doc.page.footerRefs.even)!;
    for (const f of [odd, even]) {
      expect(f.hasPageField).toBe(true);
      expect(f.text).toBe("—  —"); // the PAGE field has no cached value
      expect(f.fonts).toEqual(["宋体"]);
      expect(f.sizes).toEqual([28]);
    }
    expect(odd.paragraphs[0]!.align).toBe("right");
    expect(even.paragraphs[0]!.align).toBe("left");
  });

  it("gives the same bytes every time, whatever was built before", async () => {
    await buildTemplate({ ...TEST_DEFINITION, kind: "complaint", body: [{ type: "issuer" }, { type: "title", text: "起诉书" }] });
    expect(sha(await buildTemplate(TEST_DEFINITION))).toBe(sha(bytes));
    expect(doc.core).toContain("2026-12-01T00:00:00Z");
  });

  it("lists exactly the kind's placeholders (patchDetector), and fills with no {{ left", async () => {
    const found = [...(await patchDetector({ data: bytes }))].sort();
    expect(found).toEqual(allFieldsOf(TEST_DEFINITION).map((f) => f.name).sort());
    const filled = readDocx(
      await renderDocument({ template: bytes, fields: allFieldsOf(TEST_DEFINITION), values: TEST_VALUES, generatedAt: new Date("2022-06-16T02:00:00Z") }),
    );
    expect(filled.text).not.toContain("{{");
    expect(filled.bodyParagraphs.slice(0, 4)).toEqual(["桂阳县人民检察院", "检察建议书", "桂检行公建〔2022〕1号", "桂阳县市场监督管理局："]);
    expect(filled.tables[0]).toEqual([["序号", "证据名称", "来源"], ...TEST_VALUES.evidence.rows]);
    expect(filled.tables[1]).toEqual([["受送达单位", "桂阳县市场监督管理局"]]);
    expect(filled.bodyParagraphs).toContain("二、加强对辖区药店的日常监督检查，建立长效机制。");
    expect(filled.bodyParagraphs).toContain("抄送：郴州市人民检察院");
  });
});

describe("bodyProblems", () => {
  it("finds no problem in a sound definition", () => {
    expect(bodyProblems(TEST_DEFINITION)).toEqual([]);
  });

  it("names an unknown placeholder, a missing required field and a block written inline", () => {
    const problems = bodyProblems({
      ...TEST_DEFINITION,
      body: TEST_DEFINITION.body
        .filter((b) => !(b.type === "block" && b.field === "measures"))
        .concat([{ type: "para", text: "{{informant}}{{facts}}" }, { type: "block", field: "agency" }]),
    });
    expect(problems).toEqual([
      "recommendation: {{informant}} is not a field of the kind",
      "recommendation: {{facts}} is a paragraphs field, so it must be a block",
      "recommendation: {{agency}} is a text field, not a block",
      "recommendation: required field {{measures}} is not in the body",
    ]);
  });

  it("stops the packaged build of a definition with problems", async () => {
    await expect(
      buildPackagedTemplates([{ ...TEST_DEFINITION, body: [{ type: "para", text: "{{nobody}}" }] }]),
    ).rejects.toThrow(/\{\{nobody\}\} is not a field/);
  });
});
