import { describe, expect, it } from "vitest";
import {
  DOCUMENT_CODE_PATTERN,
  REGISTER_COUNTER_KEY,
  documentNumberCodeSchema,
  documentSeqOf,
  formatDocumentNumber,
  formatRegisterNumber,
  registerSeqOf,
} from "~/domain/numbering/format";

describe("numbering format", () => {
  it("formats a 文号 as short name + 检 + code + 〔year〕 + n号", () => {
    expect(formatDocumentNumber({ shortName: "桂", code: "行公建", year: 2026, seq: 5 })).toBe("桂检行公建〔2026〕5号");
    expect(documentSeqOf("桂检行公建〔2026〕5号", "行公建", 2026)).toBe(5);
    expect(documentSeqOf("桂检行公建〔2025〕5号", "行公建", 2026)).toBeNull();
  });

  it("formats and reads register numbers YYYY-行公-NNN", () => {
    expect(formatRegisterNumber(2026, 7)).toBe("2026-行公-007");
    expect(formatRegisterNumber(2026, 1234)).toBe("2026-行公-1234");
    expect(registerSeqOf("2026-行公-012", 2026)).toBe(12);
    expect(registerSeqOf("2022-行公-012", 2026)).toBeNull();
    expect(registerSeqOf(null, 2026)).toBeNull();
  });

  it("the register counter key can never be an administrator's code", () => {
    expect(DOCUMENT_CODE_PATTERN.test(REGISTER_COUNTER_KEY)).toBe(false);
    expect(DOCUMENT_CODE_PATTERN.test("行公建")).toBe(true);
  });

  it("the code form accepts a code or none, and refuses punctuation or a long code", () => {
    expect(documentNumberCodeSchema.parse({ kind: "closure_decision", code: " 行公终 " })).toEqual({
      kind: "closure_decision",
      code: "行公终",
    });
    expect(documentNumberCodeSchema.parse({ kind: "closure_decision", code: "" })).toEqual({ kind: "closure_decision" });
    for (const bad of ["行公〔建", "行 公", "一二三四五六七八九"]) {
      expect(documentNumberCodeSchema.safeParse({ kind: "closure_decision", code: bad }).success).toBe(false);
    }
    expect(documentNumberCodeSchema.safeParse({ kind: "invented", code: "行公" }).success).toBe(false);
  });
});
