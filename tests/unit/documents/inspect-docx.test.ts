import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { inspectDocx, paragraphTexts, scanParagraphs } from "~/documents/inspect.server";
import { docxWith, zipWithout } from "#tests/support/docx-template";

describe("inspectDocx", () => {
  it("finds the placeholders of a .docx, also one split over several runs", async () => {
    const bytes = await docxWith(["{{procuratorate}}", "关于{{case_name}}一案", ["{{", "issued_", "on}}"], "{{facts}}"]);
    const result = await inspectDocx(bytes);
    expect(result).toEqual({
      ok: true,
      placeholders: expect.arrayContaining(["procuratorate", "case_name", "issued_on", "facts"]) as unknown,
      malformed: [],
      inline: ["case_name"],
    });
    expect(result.ok && result.placeholders).toHaveLength(4);
  });

  it("reports malformed placeholders: spaces, capitals, an unclosed {{, a stray }}", async () => {
    const result = await inspectDocx(await docxWith(["{{ case_name }}", "{{Name}}", "见 {{facts 与其他", "多余}}的括号"]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.placeholders).toEqual([]);
    expect(result.malformed).toEqual(expect.arrayContaining(["{{ case_name }}", "{{Name}}"]));
    expect(result.malformed.some((m) => m.startsWith("{{facts"))).toBe(true);
    expect(result.malformed.some((m) => m.endsWith("}}") && m.includes("多余"))).toBe(true);
  });

  it("tells a file that is not a .docx from a damaged one", async () => {
    expect(await inspectDocx(strToU8("just some text"))).toEqual({ ok: false, problem: "not_docx" });
    expect(await inspectDocx(new Uint8Array())).toEqual({ ok: false, problem: "not_docx" });
    expect(await inspectDocx(zipWithout())).toEqual({ ok: false, problem: "not_docx" });
    const good = await docxWith(["{{procuratorate}}"]);
    expect(await inspectDocx(good.slice(0, Math.floor(good.length / 2)))).toEqual({ ok: false, problem: "corrupt" });
    const notXml = zipSync({ "word/document.xml": strToU8("not xml at all") });
    expect(await inspectDocx(notXml)).toEqual({ ok: false, problem: "corrupt" });
  });

  it("reads headers and footers too (patchDetector searches every word/ part)", async () => {
    const parts = unzipSync(await docxWith(["{{procuratorate}}"]));
    parts["word/footer9.xml"] = strToU8('<w:ftr xmlns:w="x"><w:p><w:r><w:t>{{issued_on}}</w:t></w:r></w:p></w:ftr>');
    const result = await inspectDocx(zipSync(parts));
    expect(result.ok && [...result.placeholders].sort()).toEqual(["issued_on", "procuratorate"]);
  });
});

describe("paragraph scan", () => {
  it("joins a paragraph's runs and decodes entities", () => {
    const xml = '<w:body><w:p><w:r><w:t>{{</w:t></w:r><w:r><w:t xml:space="preserve">a&amp;b</w:t></w:r></w:p><w:p/><w:p w:rsidR="1"><w:pPr/><w:r><w:t>x</w:t></w:r></w:p></w:body>';
    expect(paragraphTexts(xml)).toEqual(["{{a&b", "x"]);
  });

  it("marks a placeholder inline only when its paragraph holds other text", () => {
    expect(scanParagraphs(["{{a}}", "  {{b}} ", "见{{c}}", "{{d}}{{e}}"])).toEqual({ malformed: [], inline: ["c", "d", "e"] });
  });
});
