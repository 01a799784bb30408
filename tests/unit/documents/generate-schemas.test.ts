import { describe, expect, test } from "vitest";
import { BATCH_STALE_AFTER_MS, batchViewOf, compareDocumentNumbers, issueDocumentSchema, previewQuerySchema, safeFileName, startBatchSchema } from "~/domain/documents/schemas";

describe("document generation forms", () => {
  test("issue: a known kind and a subject id", () => {
    expect(issueDocumentSchema.safeParse({ kind: "recommendation", subjectId: "abc" }).success).toBe(true);
    expect(issueDocumentSchema.safeParse({ kind: "inquiry_record", subjectId: "abc" }).success).toBe(false);
    expect(issueDocumentSchema.safeParse({ kind: "recommendation", subjectId: "  " }).success).toBe(false);
    expect(previewQuerySchema.safeParse({ kind: "hearing_record", subject: "h1" }).success).toBe(true);
    expect(startBatchSchema.safeParse({ intent: "startBatch" }).success).toBe(true);
    expect(startBatchSchema.safeParse({}).success).toBe(false);
  });

  test("a batch still running past the timeout is shown as interrupted", () => {
    const createdAt = new Date("2026-12-01T08:00:00Z");
    expect(batchViewOf({ status: "running", createdAt }, new Date(createdAt.getTime() + 1000))).toBe("running");
    expect(batchViewOf({ status: "running", createdAt }, new Date(createdAt.getTime() + BATCH_STALE_AFTER_MS + 1))).toBe("interrupted");
    expect(batchViewOf({ status: "done", createdAt })).toBe("done");
    expect(batchViewOf({ status: "failed", createdAt })).toBe("failed");
  });

  test("file names lose path and control characters", () => {
    expect(safeFileName("../检察建议书:桂检行公建〔2022〕1号.docx")).toBe("..检察建议书桂检行公建〔2022〕1号.docx");
    expect(safeFileName("a\u0000b/c")).toBe("abc");
    expect(safeFileName("  ")).toBe("document.docx");
  });
});

describe("compareDocumentNumbers", () => {
  test("orders by year and then the numeric sequence; unnumbered last", () => {
    const numbers = ["桂检行公建〔2022〕10号", null, "桂检行公建〔2022〕2号", "桂检行公建〔2021〕11号", "桂检行公建〔2022〕1号"];
    expect([...numbers].sort(compareDocumentNumbers)).toEqual(["桂检行公建〔2021〕11号", "桂检行公建〔2022〕1号", "桂检行公建〔2022〕2号", "桂检行公建〔2022〕10号", null]);
  });
});
