import { describe, expect, test } from "vitest";
import { pdfBytes, pngBytes } from "#tests/support/evidence-files";
import { EVIDENCE_TITLE_MAX, evidenceEditable, evidenceItemSchema } from "~/domain/evidence/schemas";
import { FALLBACK_FILE_NAME, FILE_NAME_MAX, sanitizeFileName } from "~/storage/file-name";
import { decodeText, isSvg, sniffMimeType } from "~/storage/sniff.server";

const today = "2026-12-01";
const schema = evidenceItemSchema(today);
const valid = {
  kind: "audiovisual",
  title: "排污口现场照片",
  description: "拍摄排污口",
  collectedOn: "2026-11-20",
  collectedPlace: "舂陵江支流排污口",
  collectorIds: ["u1", "u2"],
  otherCollectors: "",
  source: "collected",
  sourceNote: "现场拍摄",
  isOriginal: "original",
  containsPersonal: true,
};
/** The message keys of a refused input, by field. */
const errorsOf = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  if (result.success) return null;
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the evidence item schema", () => {
  test("accepts a collected item with two collecting staff; normalises empty text to null and the original choice to a boolean", () => {
    const parsed = schema.parse({ ...valid, collectorIds: ["u1", "u2", "u1"], otherCollectors: "  " });
    expect(parsed.collectorIds).toEqual(["u1", "u2"]);
    expect(parsed.otherCollectors).toBeNull();
    expect(parsed.isOriginal).toBe(true);
    expect(parsed.containsPersonal).toBe(true);
    expect(schema.parse({ ...valid, isOriginal: "copy" }).isOriginal).toBe(false);
  });

  test("refuses a collected item with fewer than two collecting staff (规则 Art 36), counting each person once", () => {
    expect(errorsOf({ ...valid, collectorIds: ["u1"] })).toEqual({ collectorIds: "evidenceItems.validation.twoCollectors" });
    expect(errorsOf({ ...valid, collectorIds: ["u1", "u1"] })).toEqual({ collectorIds: "evidenceItems.validation.twoCollectors" });
    expect(errorsOf({ ...valid, collectorIds: [] })).toEqual({ collectorIds: "evidenceItems.validation.twoCollectors" });
  });

  test("a handed-over or submitted item needs no collecting staff", () => {
    expect(schema.parse({ ...valid, source: "agency_handover", collectorIds: [] }).collectorIds).toEqual([]);
    expect(schema.safeParse({ ...valid, source: "public_submission", collectorIds: ["u1"] }).success).toBe(true);
  });

  test("refuses a bad date, a date after today, an unknown kind or source, a missing original choice", () => {
    expect(errorsOf({ ...valid, collectedOn: "2026-02-30" })).toEqual({ collectedOn: "validation.date" });
    expect(errorsOf({ ...valid, collectedOn: "20.11.2026" })).toEqual({ collectedOn: "validation.date" });
    expect(errorsOf({ ...valid, collectedOn: "2026-12-02" })).toEqual({ collectedOn: "evidenceItems.validation.collectedInFuture" });
    expect(errorsOf({ ...valid, kind: "rumour" })).toEqual({ kind: "evidenceItems.validation.kind" });
    expect(errorsOf({ ...valid, source: "found" })).toEqual({ source: "evidenceItems.validation.source" });
    expect(errorsOf({ ...valid, isOriginal: undefined })).toEqual({ isOriginal: "evidenceItems.validation.original" });
  });

  test("refuses a missing or too long title and too long texts", () => {
    expect(errorsOf({ ...valid, title: "   " })).toEqual({ title: "validation.required" });
    expect(errorsOf({ ...valid, title: "证".repeat(EVIDENCE_TITLE_MAX + 1) })).toEqual({ title: "validation.tooLong" });
    expect(errorsOf({ ...valid, collectedPlace: "地".repeat(201) })).toEqual({ collectedPlace: "validation.tooLong" });
    expect(errorsOf({ ...valid, sourceNote: "x".repeat(501) })).toEqual({ sourceNote: "validation.tooLong" });
    expect(errorsOf({ ...valid, description: "x".repeat(4001) })).toEqual({ description: "validation.tooLong" });
    expect(errorsOf({ ...valid, collectorIds: Array.from({ length: 21 }, (_, i) => `u${i}`) })).toEqual({
      collectorIds: "evidenceItems.validation.tooManyCollectors",
    });
  });

  test("items are editable while the case is open, not once closed or not filed", () => {
    expect(evidenceEditable("investigating")).toBe(true);
    expect(evidenceEditable("evaluation")).toBe(true);
    expect(evidenceEditable("closed")).toBe(false);
    expect(evidenceEditable("not_filed")).toBe(false);
  });
});

describe("file names of uploads", () => {
  test("keeps Chinese names and extensions", () => {
    expect(sanitizeFileName("现场照片-20261120-01.png")).toBe("现场照片-20261120-01.png");
    expect(sanitizeFileName("水质 检测报告（盖章）.pdf")).toBe("水质 检测报告（盖章）.pdf");
  });

  test("strips paths, control and invisible characters, and reserved characters", () => {
    expect(sanitizeFileName("C:\\Users\\王\\Desktop\\询问笔录.docx")).toBe("询问笔录.docx");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("a\u0000b\u0007c\u009f.txt")).toBe("abc.txt");
    // A right-to-left override would show "report_fdp.exe" as "report_exe.pdf".
    expect(sanitizeFileName("report_\u202Efdp.exe")).toBe("report_fdp.exe");
    expect(sanitizeFileName('a<b>c:"d|e?f*.txt')).toBe("a_b_c__d_e_f_.txt");
    expect(sanitizeFileName("a\uD800b.txt")).toBe("ab.txt");
    expect(sanitizeFileName("  many   spaces\t\there .txt  ")).toBe("many spaces here .txt");
  });

  test("no hidden files, trailing dots, Windows device names or empty names", () => {
    expect(sanitizeFileName(".htaccess")).toBe("htaccess");
    expect(sanitizeFileName("..")).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName("name.pdf. . ")).toBe("name.pdf");
    expect(sanitizeFileName("CON.txt")).toBe("_CON.txt");
    expect(sanitizeFileName("")).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName(null)).toBe(FALLBACK_FILE_NAME);
    expect(sanitizeFileName("\u202E\u200B")).toBe(FALLBACK_FILE_NAME);
  });

  test("limits the length and keeps the extension", () => {
    const long = `${"长".repeat(300)}.pdf`;
    const name = sanitizeFileName(long);
    expect(Array.from(name)).toHaveLength(FILE_NAME_MAX);
    expect(name.endsWith(".pdf")).toBe(true);
    expect(Array.from(sanitizeFileName("x".repeat(500)))).toHaveLength(FILE_NAME_MAX);
  });
});

describe("type sniffing from the bytes", () => {
  test("PNG and PDF by their signatures, whatever the name", async () => {
    expect(await sniffMimeType(pngBytes())).toBe("image/png");
    expect(await sniffMimeType(pdfBytes())).toBe("application/pdf");
  });

  test("SVG by content (XML with an svg root), with or without declaration, comments and doctype", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    expect(await sniffMimeType(Buffer.from(svg))).toBe("image/svg+xml");
    const decorated = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- 现场照片 -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg}`;
    expect(await sniffMimeType(Buffer.from(decorated))).toBe("image/svg+xml");
    expect(isSvg("<html><svg></svg></html>")).toBe(false);
  });

  test("UTF-8 text is text/plain (a character cut at the end of the head is fine); binary junk is octet-stream", async () => {
    expect(await sniffMimeType(Buffer.from("询问笔录\n被询问人：张某\n"))).toBe("text/plain");
    const cut = Buffer.from("中文").subarray(0, 4); // "中" and the first byte of "文"
    expect(decodeText(cut)).toBe("中");
    expect(await sniffMimeType(Buffer.from([0x00, 0x9c, 0x13, 0x37, 0x80, 0x81, 0x07]))).toBe("application/octet-stream");
    expect(await sniffMimeType(Buffer.from([0x41, 0x00, 0x42]))).toBe("application/octet-stream");
    expect(await sniffMimeType(Buffer.alloc(0))).toBe("application/octet-stream");
  });

  test("a PNG named .txt is still a PNG (the name is not consulted)", async () => {
    // sniffMimeType takes bytes only: there is no name to be fooled by.
    expect(sniffMimeType.length).toBe(1);
    expect(await sniffMimeType(pngBytes(2, 2, 3))).toBe("image/png");
  });
});
