import { describe, expect, test } from "vitest";
import { panelistSchema } from "~/domain/admin/schemas";
import { superiorCreatesCycle, userStatusChangeError } from "~/domain/admin/rules";
import { ageOn, checkPanelistEligibility, isOldEnough, PANELIST_MIN_AGE } from "~/domain/hearing/eligibility";

describe("ageOn", () => {
  test("counts completed years", () => {
    expect(ageOn("2000-06-15", "2023-06-14")).toBe(22);
    expect(ageOn("2000-06-15", "2023-06-15")).toBe(23);
    expect(ageOn("2000-06-15", "2023-12-31")).toBe(23);
    expect(ageOn("1960-01-01", "2025-01-01")).toBe(65);
  });

  test("a 29 February birthday comes on 1 March in a common year", () => {
    expect(ageOn("2000-02-29", "2023-02-28")).toBe(22);
    expect(ageOn("2000-02-29", "2023-03-01")).toBe(23);
    expect(ageOn("2000-02-29", "2024-02-29")).toBe(24);
  });

  test("malformed or impossible dates give null", () => {
    expect(ageOn("2000-02-30", "2025-01-01")).toBeNull();
    expect(ageOn("2000/01/01", "2025-01-01")).toBeNull();
    expect(ageOn("2000-01-01", "yesterday")).toBeNull();
  });
});

describe("isOldEnough (听证规定 Art 7: aged 23 or over)", () => {
  test("the minimum age is 23", () => {
    expect(PANELIST_MIN_AGE).toBe(23);
  });

  test("the day before and on the 23rd birthday", () => {
    expect(isOldEnough("2002-03-10", "2025-03-09")).toBe(false);
    expect(isOldEnough("2002-03-10", "2025-03-10")).toBe(true);
  });

  test("a birth date in the future or unreadable is not old enough", () => {
    expect(isOldEnough("2030-01-01", "2025-01-01")).toBe(false);
    expect(isOldEnough("not a date", "2025-01-01")).toBe(false);
  });
});

describe("checkPanelistEligibility", () => {
  const on = "2025-06-10";

  test("an adult without bars is eligible", () => {
    expect(checkPanelistEligibility({ birthOn: "1980-05-01", barred: false }, on)).toEqual({
      eligible: true,
      reasons: [],
      age: 45,
    });
  });

  test("under 23 is not eligible", () => {
    expect(checkPanelistEligibility({ birthOn: "2003-06-11", barred: false }, on)).toMatchObject({
      eligible: false,
      reasons: ["under_age"],
      age: 21,
    });
  });

  test("a barred entry is not eligible, whatever the age", () => {
    expect(checkPanelistEligibility({ birthOn: "1970-01-01", barred: true }, on).reasons).toEqual(["barred"]);
  });

  test("every reason is listed: no birth date, barred, left the pool", () => {
    expect(checkPanelistEligibility({ birthOn: null, barred: true, active: false }, on)).toEqual({
      eligible: false,
      reasons: ["no_birth_date", "barred", "inactive"],
      age: null,
    });
  });
});

describe("panelist form schema", () => {
  const schema = panelistSchema("2025-06-10");
  const base = { intent: "save", name: "陈七", category: "expert", birthOn: "1980-05-01" };

  test("accepts an adult and defaults the checkboxes to unticked", () => {
    expect(schema.parse(base)).toMatchObject({ name: "陈七", barred: false, active: false });
  });

  test("refuses someone under 23 with the Art 7 message on birthOn", () => {
    const result = schema.safeParse({ ...base, birthOn: "2003-06-11" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["birthOn"], message: "admin.panelist.underAge" }),
    ]);
  });

  test("an impossible date is a date error, not an age error", () => {
    expect(schema.safeParse({ ...base, birthOn: "1980-02-30" }).error?.issues[0]?.message).toBe("validation.date");
  });

  test("a bar needs its reason", () => {
    const result = schema.safeParse({ ...base, barred: true });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["barredReason"],
      message: "admin.panelist.barredReasonRequired",
    });
    expect(schema.safeParse({ ...base, barred: true, barredReason: "失信被执行人" }).success).toBe(true);
  });
});

describe("admin rules", () => {
  const superiors: Record<string, string | null> = { a: "b", b: "c", c: null, x: "y", y: "x" };
  const superiorOf = (id: string) => superiors[id] ?? null;

  test("an agency cannot sit above itself or its superiors", () => {
    expect(superiorCreatesCycle("c", "a", superiorOf)).toBe(true); // a → b → c
    expect(superiorCreatesCycle("a", "a", superiorOf)).toBe(true);
    expect(superiorCreatesCycle("a", "c", superiorOf)).toBe(false);
    expect(superiorCreatesCycle(null, "a", superiorOf)).toBe(false); // a new agency
  });

  test("an existing loop is not extended", () => {
    expect(superiorCreatesCycle("a", "x", superiorOf)).toBe(true);
  });

  test("nobody deactivates their own account", () => {
    expect(userStatusChangeError("u1", "u1")).toBe("admin.users.notYourself");
    expect(userStatusChangeError("u1", "u2")).toBeNull();
  });
});
