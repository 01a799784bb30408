import { describe, expect, test } from "vitest";
import { isResidentIdNumber, normalizeIdNumber, residentIdCheckChar } from "~/domain/clue/identity";
import { registerClueSchema } from "~/domain/clue/schemas";

// A body's check character by hand (GB 11643-1999): 43102119920416024 → weights 7 9 10 5 8 4 2 1 6
// 3 7 9 10 5 8 4 2, sum mod 11 indexes "10X98765432".
function check(body: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  return "10X98765432"[[...body].reduce((a, c, i) => a + Number(c) * w[i]!, 0) % 11]!;
}
const valid = (body: string) => body + check(body);

describe("resident ID number (GB 11643-1999)", () => {
  test("the published example number is valid", () => {
    // The standard's own example: 11010519491231002X.
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
    expect(isResidentIdNumber("11010519491231002X")).toBe(true);
    expect(isResidentIdNumber("11010519491231002x")).toBe(true);
  });

  test("a wrong check character is refused", () => {
    const good = valid("43102119920416024");
    const wrong = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect(isResidentIdNumber(good)).toBe(true);
    expect(isResidentIdNumber(wrong)).toBe(false);
  });

  test("a transposition of two digits is caught by the check character", () => {
    const good = valid("43102119920416024");
    const swapped = good.slice(0, 14) + good[15] + good[14] + good.slice(16);
    expect(isResidentIdNumber(swapped)).toBe(false);
  });

  test("length, characters, province, date of birth", () => {
    expect(isResidentIdNumber("4310211992041602")).toBe(false); // 16 characters
    expect(isResidentIdNumber("431021920416024")).toBe(false); // 15-digit first generation
    expect(isResidentIdNumber("43102119920416024Y")).toBe(false);
    expect(isResidentIdNumber(valid("09102119920416024"))).toBe(false); // province 09 does not exist
    expect(isResidentIdNumber(valid("43102119920230024"))).toBe(false); // 30 February
    expect(isResidentIdNumber(valid("43102118991231024"))).toBe(false); // before 1900
    expect(isResidentIdNumber(valid("43102120301231024"), "2026-12-01")).toBe(false); // born in the future
    expect(isResidentIdNumber(valid("43102120261130024"), "2026-12-01")).toBe(true);
  });

  test("spaces are dropped and x is raised", () => {
    expect(normalizeIdNumber(" 1101 0519 4912 31002x ")).toBe("11010519491231002X");
  });
});

describe("the registration form's informant fields", () => {
  const schema = registerClueSchema("2026-12-01");
  const base = { source: "report", receivedOn: "2026-11-30", summary: "夜间电鱼", field: "ecology" };
  const errorsOf = (extra: Record<string, string>) => {
    const r = schema.safeParse({ ...base, ...extra });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  test("an anonymous clue is accepted", () => {
    expect(schema.safeParse(base).success).toBe(true);
  });

  test("the phone is brought to its canonical form", () => {
    const r = schema.parse({ ...base, informantName: "曾庆福", informantPhone: "+86 137-8735-9014" });
    expect(r.informantPhone).toBe("13787359014");
    expect(schema.parse({ ...base, informantName: "曾庆福", informantPhone: "(0735)4421234" }).informantPhone).toBe("0735-4421234");
  });

  test("a phone that is not a mainland number is refused", () => {
    expect(errorsOf({ informantName: "曾庆福", informantPhone: "12345" })).toEqual({ informantPhone: "validation.phone" });
    expect(errorsOf({ informantName: "曾庆福", informantPhone: "1078735901" })).toEqual({ informantPhone: "validation.phone" });
  });

  test("an ID number with a bad check digit is refused with its own message", () => {
    const good = valid("43102119650127013");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    expect(errorsOf({ informantName: "曾庆福", informantIdNumber: bad })).toEqual({ informantIdNumber: "clues.validation.idNumber" });
    expect(schema.parse({ ...base, informantName: "曾庆福", informantIdNumber: good.toLowerCase() }).informantIdNumber).toBe(good);
  });

  test("a phone or ID number needs the name beside it", () => {
    expect(errorsOf({ informantPhone: "13787359014" })).toEqual({ informantName: "clues.validation.informantNameRequired" });
  });

  test("the received date is a real day and not after today", () => {
    expect(errorsOf({ receivedOn: "2026-12-02" })).toEqual({ receivedOn: "clues.validation.receivedInFuture" });
    expect(errorsOf({ receivedOn: "2026-02-30" })).toMatchObject({ receivedOn: "validation.date" });
  });
});
