import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

import { kindLabel } from "~/documents/layout.server";
import { convertManyToPdf, sofficeAvailable } from "~/documents/pdf.server";
import { renderDocument } from "~/documents/render.server";
import { allDefinitions } from "~/domain/documents/definitions";
import type { DocumentKind } from "~/domain/documents/kinds";
import { allFieldsOf } from "~/domain/documents/spec";
import { sampleValues } from "#tests/support/document-samples";

// Issue 10: "CI renders one document of each kind through LibreOffice to PDF. Each PDF has the
// expected page count, and pdftotext finds its Chinese title." Every kind with a definition is
// rendered from its packaged template (templates/<kind>.docx) with sample values built from its
// fields (tests/support/document-samples.ts). Skipped where LibreOffice is missing, except on CI.

/** Pages of each kind filled with the sample values (GB/T 9704: 22 lines of 28 characters a page). */
const EXPECTED_PAGES: Partial<Record<DocumentKind, number>> = {
  filing_decision: 2,
  not_filing_decision: 2,
  fact_confirmation: 2,
  consultation_minutes: 2,
  evidence_request: 2,
  evidence_list: 2,
  recommendation: 2,
  proof_of_service: 2,
  suspension_decision: 2,
  resumption_decision: 2,
  closure_decision: 2,
  complaint: 2,
  court_appearance_notice: 1,
};

const available = await sofficeAvailable();
if (!available && process.env.CI) {
  throw new Error("CI must render documents: soffice (libreoffice-writer-nogui) is not installed");
}

const dir = mkdtempSync(path.join(os.tmpdir(), "procura-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!available)("every kind rendered to PDF through LibreOffice", () => {
  it(
    "has the expected page count and its Chinese title in the PDF's text",
    async () => {
      const definitions = allDefinitions();
      expect(definitions.length).toBeGreaterThan(0);
      const docxs = await Promise.all(
        definitions.map((def) =>
          renderDocument({
            template: readFileSync(path.resolve(__dirname, `../../templates/${def.kind}.docx`)),
            fields: allFieldsOf(def),
            values: sampleValues(allFieldsOf(def)),
            generatedAt: new Date("2022-06-16T02:00:00Z"),
          }),
        ),
      );
      const pdfs = await convertManyToPdf(docxs);
      const results = definitions.map((def, i) => {
        const file = path.join(dir, `${def.kind}.pdf`);
        writeFileSync(file, pdfs[i]!);
        const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
        const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
        return {
          kind: def.kind,
          pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
          title: text.includes(kindLabel(def.kind).zh),
          pageSize: /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info)?.slice(1, 3).map(Number),
        };
      });
      for (const r of results) {
        expect(EXPECTED_PAGES[r.kind], `add ${r.kind}'s expected page count to EXPECTED_PAGES`).toBeDefined();
        expect(r, r.kind).toMatchObject({ pages: EXPECTED_PAGES[r.kind], title: true });
        // A4 is 595.3 x 841.9 pt.
        expect(r.pageSize![0]).toBeCloseTo(595.3, 0);
        expect(r.pageSize![1]).toBeCloseTo(841.9, 0);
      }
    },
    15 * 60_000,
  );
});

describe("without LibreOffice", () => {
  it("reports it is unavailable and refuses with the preview's message", async () => {
    vi.resetModules();
    const before = process.env.SOFFICE;
    process.env.SOFFICE = path.join(dir, "no-soffice-here");
    try {
      const pdf = await import("~/documents/pdf.server");
      expect(await pdf.sofficeAvailable()).toBe(false);
      await expect(pdf.convertToPdf(new Uint8Array([1]))).rejects.toMatchObject({
        name: "PdfUnavailableError",
        messageKey: "documentRender.pdfUnavailable",
      });
    } finally {
      if (before === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = before;
    }
  });
});
