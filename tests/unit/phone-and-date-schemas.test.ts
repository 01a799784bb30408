import { describe, expect, test } from "vitest";
import {
  isoDateSchema,
  isRealDate,
  localDateTimeSchema,
  optionalIsoDateSchema,
  optionalLocalDateTimeSchema,
  shanghaiLocalToDate,
} from "~/domain/common/dates";
import { isContactPhone, normalizePhone, optionalContactPhoneSchema, optionalPhoneSchema, phoneSchema } from "~/domain/common/phone";

const messageOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : r.error!.issues[0]!.message;

describe("phoneSchema", () => {
  test.each([
    ["+86 138 0013 8000", "13800138000"],
    ["86-13800138000", "13800138000"],
    ["（0735）2345678", "0735-2345678"],
    ["+86 10 6234 5678", "010-62345678"],
  ])("stores %s as %s", (typed, canonical) => {
    expect(phoneSchema.parse(typed)).toBe(canonical);
  });

  test.each(["2023-02-30", "abc", "12345", "12309", "0735-12309", "1380013800", "+1 415 555 0100", "1".repeat(50)])(
    "refuses %s",
    (typed) => {
      expect(messageOf(phoneSchema.safeParse(typed))).toBe("validation.phone");
    }
  );

  test("empty is required; the optional schema makes it undefined", () => {
    expect(messageOf(phoneSchema.safeParse(""))).toBe("validation.required");
    expect(messageOf(phoneSchema.safeParse(undefined))).toBe("validation.required");
    expect(optionalPhoneSchema.parse(undefined)).toBeUndefined();
    expect(optionalPhoneSchema.parse("  ")).toBeUndefined();
    expect(optionalPhoneSchema.parse("0086 138-0013-8000")).toBe("13800138000");
    expect(messageOf(optionalPhoneSchema.safeParse("2023-02-30"))).toBe("validation.phone");
  });
});

describe("optionalContactPhoneSchema (a unit's number)", () => {
  test.each([
    ["12309", "12309"],
    ["0735-12309", "0735-12309"],
    ["(0735)12309", "0735-12309"],
    ["95588", "95588"],
    ["400 123 4567", "400-123-4567"],
    ["0735-4422000", "0735-4422000"],
    ["13800138000", "13800138000"],
  ])("accepts %s as %s", (typed, canonical) => {
    expect(optionalContactPhoneSchema.parse(typed)).toBe(canonical);
    expect(isContactPhone(typed)).toBe(true);
  });

  test.each(["2023-02-30", "0735-1234567", "12", "+86 12309", "hotline"])("refuses %s", (typed) => {
    expect(messageOf(optionalContactPhoneSchema.safeParse(typed))).toBe("validation.phone");
  });

  test("service numbers are not personal numbers", () => {
    expect(normalizePhone("0735 12309")).toBe("0735-12309");
    expect(phoneSchema.safeParse("0735-12309").success).toBe(false);
  });
});

describe("isoDateSchema", () => {
  test.each(["2023-02-28", "2024-02-29", "2026-12-31", "2000-01-01"])("accepts %s", (v) => {
    expect(isoDateSchema.parse(v)).toBe(v);
    expect(isRealDate(v)).toBe(true);
  });

  test.each([
    "2023-02-29", // not a leap year
    "2023-02-30",
    "2023-04-31",
    "2023-13-01",
    "2023-00-10",
    "2023-01-00",
    "2023-1-5",
    "20230105",
    "2023-01-05T00:00",
    "0099-01-01", // Date.UTC would read 1999
    "yesterday",
  ])("refuses %s", (v) => {
    expect(messageOf(isoDateSchema.safeParse(v))).toBe("validation.date");
  });

  test("trims, requires, and the optional form makes empty undefined", () => {
    expect(isoDateSchema.parse(" 2023-03-01 ")).toBe("2023-03-01");
    expect(messageOf(isoDateSchema.safeParse(""))).toBe("validation.required");
    expect(optionalIsoDateSchema.parse("")).toBeUndefined();
    expect(optionalIsoDateSchema.parse(undefined)).toBeUndefined();
    expect(messageOf(optionalIsoDateSchema.safeParse("2023-02-30"))).toBe("validation.date");
  });
});

describe("localDateTimeSchema (datetime-local fields)", () => {
  test.each(["2026-12-08T09:30", "2026-12-08T23:59:59", "2024-02-29T00:00"])("accepts %s", (v) => {
    expect(localDateTimeSchema.parse(v)).toBe(v);
  });

  test.each(["2023-02-30T09:30", "2026-12-08T24:00", "2026-12-08T09:60", "2026-12-08 09:30", "2026-12-08"])(
    "refuses %s",
    (v) => {
      expect(messageOf(localDateTimeSchema.safeParse(v))).toBe("validation.dateTime");
    }
  );

  test("optional, and read on the Asia/Shanghai clock", () => {
    expect(optionalLocalDateTimeSchema.parse("")).toBeUndefined();
    expect(shanghaiLocalToDate("2026-12-08T09:30").toISOString()).toBe("2026-12-08T01:30:00.000Z");
    expect(() => shanghaiLocalToDate("2023-02-30T09:30")).toThrow(RangeError);
  });
});
