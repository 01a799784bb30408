import { describe, expect, test } from "vitest";
import {
  informantView,
  maskIdNumber,
  maskName,
  maskPhone,
  mayRevealCaseInformant,
  mayRevealClueInformant,
} from "~/domain/privacy/mask";

describe("maskName", () => {
  test.each([
    ["张三", "张*"],
    ["张三丰", "张**"],
    ["欧阳娜娜", "欧***"],
    ["王", "*"],
    [" 李四 ", "李*"],
    ["Alexander Hamilton", "A****"],
  ])("%s → %s", (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  test("keeps null, undefined and empty as nothing to show", () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
    expect(maskName("")).toBe("");
  });
});

describe("maskPhone", () => {
  test.each([
    ["13812345678", "138****5678"],
    ["138 1234 5678", "138****5678"],
    ["+86 138-1234-5678", "138****5678"],
    ["0735-4421234", "073****1234"],
    ["44212345", "****2345"],
    ["4421234", "4****34"],
    ["110", "****"],
  ])("%s → %s", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  test("always hides at least four digits and never shows the middle of a mobile number", () => {
    for (const phone of ["13812345678", "0735-4421234", "44212345", "12345"]) {
      const masked = maskPhone(phone)!;
      expect(masked.split("").filter((c) => c === "*").length).toBeGreaterThanOrEqual(4);
    }
    expect(maskPhone("13812345678")).not.toContain("1234");
  });

  test("null stays null", () => {
    expect(maskPhone(null)).toBeNull();
  });
});

describe("maskIdNumber", () => {
  test("keeps the region prefix and the last four characters", () => {
    expect(maskIdNumber("43102819900101123X")).toBe("4310**********123X");
    expect(maskIdNumber("4310 2819 9001 0112 3X")).toBe("4310**********123X");
  });
  test("a short value is masked entirely", () => {
    expect(maskIdNumber("1234567")).toBe("*******");
  });
});

describe("informantView", () => {
  const informant = { name: "张三丰", phone: "13812345678", idNumber: "43102819900101123X" };

  test("revealed: the full data, marked as not masked", () => {
    expect(informantView(informant, true)).toEqual({ ...informant, masked: false });
  });

  test("not revealed: every field masked, nothing of the middle left", () => {
    const view = informantView(informant, false)!;
    expect(view).toEqual({ name: "张**", phone: "138****5678", idNumber: "4310**********123X", masked: true });
    expect(JSON.stringify(view)).not.toContain("三丰");
    expect(JSON.stringify(view)).not.toContain("1234");
  });

  test("no informant data at all: null", () => {
    expect(informantView({ name: null, phone: null, idNumber: null }, false)).toBeNull();
  });

  test("partial data keeps the missing fields null", () => {
    expect(informantView({ name: "李四", phone: null, idNumber: null }, false)).toEqual({
      name: "李*",
      phone: null,
      idNumber: null,
      masked: true,
    });
  });
});

describe("who may see an informant in full", () => {
  test("case: the lead prosecutor and the members only", () => {
    const team = { leadProsecutorId: "lead", memberIds: ["a", "b"] };
    expect(mayRevealCaseInformant("lead", team)).toBe(true);
    expect(mayRevealCaseInformant("b", team)).toBe(true);
    expect(mayRevealCaseInformant("chief", team)).toBe(false);
    expect(mayRevealCaseInformant("", { leadProsecutorId: "lead", memberIds: [] })).toBe(false);
  });

  test("clue: who registered it and its assignee only", () => {
    expect(mayRevealClueInformant("reg", { registeredById: "reg", assigneeId: null })).toBe(true);
    expect(mayRevealClueInformant("asg", { registeredById: "reg", assigneeId: "asg" })).toBe(true);
    expect(mayRevealClueInformant("other", { registeredById: "reg", assigneeId: "asg" })).toBe(false);
    expect(mayRevealClueInformant("other", { registeredById: "reg", assigneeId: null })).toBe(false);
  });
});
