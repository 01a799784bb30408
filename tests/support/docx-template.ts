import { Document, Packer, Paragraph, TextRun } from "docx";
import { strToU8, zipSync } from "fflate";

/**
 * A small .docx for template tests, built with the docx package: each paragraph is a string, or a
 * list of strings written as separate runs (as Word splits a placeholder it autocorrected or
 * spell-checked: "{{", "case_", "name}}").
 */
export async function docxWith(paragraphs: readonly (string | readonly string[])[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map(
          (p) => new Paragraph({ children: (typeof p === "string" ? [p] : p).map((text, i) => new TextRun({ text, bold: i % 2 === 1 })) }),
        ),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A zip that is not a .docx (no word/document.xml). */
export function zipWithout(): Uint8Array {
  return zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
}

/** Placeholder text for every field of a list: "{{a}}" paragraphs, each alone. */
export function placeholderParagraphs(names: readonly string[]): string[] {
  return names.map((n) => `{{${n}}}`);
}
