import { describe, expect, test } from "vitest";
import { isMainlandPhone, normalizePhone } from "~/domain/common/phone";
import type { ObserverRequestStatus } from "~/domain/hearing/observer-schema";
import {
  OBSERVER_REQUEST_STATUSES,
  OBSERVER_SIGNUP_LIMIT,
  observerDecisionRefusal,
  observerDecisionSchema,
  observerRequestStatusSchema,
  signUpRateLimited,
  signUpWindowStart,
  observerRequestSchema,
  observerSignUpRefusal,
  seatsLeft,
} from "~/domain/hearing/observer-schema";

describe("phone numbers", () => {
  test.each([
    "13800138000",
    "19912345678",
    "+8613800138000",
    "86-13800138000",
    "138 0013 8000",
    "0735-2345678",
    "07352345678",
    "010-62345678",
    "(0735)2345678",
    "（0735）2345678",
    "0735-2345678-801",
  ])("accepts %s", (phone) => {
    expect(isMainlandPhone(phone)).toBe(true);
  });

  test.each([
    "",
    "12345",
    "12800138000", // no mobile prefix 12
    "1380013800", // 10 digits
    "138001380001", // 12 digits
    "735-1234567", // area code without the leading 0
    "0735-0234567", // local numbers do not start with 0
    "0735-123", // too short
    "0735-1234567", // local numbers do not start with 1 (service numbers)
    "+1 415 555 0100",
    "abc13800138000",
  ])("refuses %s", (phone) => {
    expect(isMainlandPhone(phone)).toBe(false);
  });

  test("normalises spaces and full-width punctuation", () => {
    expect(normalizePhone(" 138 0013\u30008000 ")).toBe("13800138000");
    expect(normalizePhone("（0735）－2345678")).toBe("0735-2345678");
  });

  test.each([
    "13800000002",
    "+8613800000002",
    "86-138 0000 0002",
    "8613800000002",
    "0086 138 0000 0002",
    "+86 (138) 0000-0002",
    "(+86)138-0000-0002",
    "＋86 138 0000 0002",
    "138-0000-0002",
  ])("mobile %s is canonically 13800000002", (phone) => {
    expect(normalizePhone(phone)).toBe("13800000002");
  });

  test.each([
    ["0735-2345678", "0735-2345678"],
    ["07352345678", "0735-2345678"],
    ["(0735)2345678", "0735-2345678"],
    ["0735 234 5678", "0735-2345678"],
    ["+86 735 2345678", "0735-2345678"],
    ["86-0735-2345678", "0735-2345678"],
    ["010-62345678", "010-62345678"],
    ["01062345678", "010-62345678"],
    ["+86 10 6234 5678", "010-62345678"],
    ["0086-10-62345678", "010-62345678"],
    ["021 6234 5678", "021-62345678"],
    ["0735-2345678-801", "0735-2345678-801"],
    ["(0735)2345678-801", "0735-2345678-801"],
  ])("landline %s is canonically %s", (phone, canonical) => {
    expect(normalizePhone(phone)).toBe(canonical);
    expect(isMainlandPhone(phone)).toBe(true);
  });

  test("a number that is not mainland is left alone (only spaces cleaned) and refused", () => {
    expect(normalizePhone("+1 415 555 0100")).toBe("+14155550100");
    expect(isMainlandPhone("+1 415 555 0100")).toBe(false);
    expect(normalizePhone("735-2345678")).toBe("735-2345678"); // no country code: the 0 is required
    expect(isMainlandPhone("+86 12800000000")).toBe(false);
  });
});

describe("observerRequestSchema", () => {
  test("a valid request is trimmed and normalised", () => {
    const parsed = observerRequestSchema.safeParse({
      name: "  王小明 ",
      phone: "138 0013 8000",
      organisation: " 桂阳县第一中学 ",
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual({ name: "王小明", phone: "13800138000", organisation: "桂阳县第一中学" });
  });

  test("the organisation is optional; blank counts as missing", () => {
    expect(observerRequestSchema.parse({ name: "王小明", phone: "0735-2345678" }).organisation).toBeUndefined();
    expect(
      observerRequestSchema.parse({ name: "王小明", phone: "0735-2345678", organisation: "  " }).organisation
    ).toBeUndefined();
  });

  const errorsOf = (input: unknown) => {
    const r = observerRequestSchema.safeParse(input);
    if (r.success) return {};
    return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  test("missing fields are required (messages are i18n keys)", () => {
    expect(errorsOf({})).toEqual({ name: "validation.required", phone: "validation.required" });
    expect(errorsOf({ name: "  ", phone: "" })).toEqual({ name: "validation.required", phone: "validation.required" });
  });

  test("a bad phone number and overlong text are refused", () => {
    expect(errorsOf({ name: "王小明", phone: "12345" })).toEqual({ phone: "validation.phone" });
    expect(errorsOf({ name: "王".repeat(51), phone: "13800138000" })).toEqual({ name: "validation.tooLong" });
    expect(errorsOf({ name: "王小明", phone: "13800138000", organisation: "单".repeat(101) })).toEqual({
      organisation: "validation.tooLong",
    });
  });
});

describe("observerSignUpRefusal", () => {
  const startsAt = new Date("2026-12-08T01:30:00Z");
  const before = new Date("2026-12-07T10:00:00Z");
  const base = { status: "notified", startsAt, now: before, observerSeats: 15, seatsTaken: 3 };

  test("open before the hearing while seats remain", () => {
    expect(observerSignUpRefusal(base)).toBeNull();
    expect(observerSignUpRefusal({ ...base, status: "planned" })).toBeNull();
    expect(observerSignUpRefusal({ ...base, observerSeats: null, seatsTaken: 500 })).toBeNull();
  });

  test("closed once the hearing has begun, by the clock or by its status", () => {
    expect(observerSignUpRefusal({ ...base, now: startsAt })).toBe("hearingStarted");
    expect(observerSignUpRefusal({ ...base, now: new Date("2026-12-08T02:00:00Z") })).toBe("hearingStarted");
    expect(observerSignUpRefusal({ ...base, status: "in_progress" })).toBe("hearingStarted");
    expect(observerSignUpRefusal({ ...base, status: "deliberating" })).toBe("hearingStarted");
  });

  test("closed when concluded or cancelled", () => {
    expect(observerSignUpRefusal({ ...base, status: "concluded" })).toBe("hearingConcluded");
    expect(observerSignUpRefusal({ ...base, status: "cancelled" })).toBe("hearingCancelled");
  });

  test("closed when accepted and pending requests fill the seats", () => {
    expect(observerSignUpRefusal({ ...base, seatsTaken: 14 })).toBeNull();
    expect(observerSignUpRefusal({ ...base, seatsTaken: 15 })).toBe("seatsFull");
    expect(observerSignUpRefusal({ ...base, observerSeats: 0, seatsTaken: 0 })).toBe("seatsFull");
  });

  test("seats left", () => {
    expect(seatsLeft(15, 3)).toBe(12);
    expect(seatsLeft(15, 20)).toBe(0);
    expect(seatsLeft(null, 3)).toBeNull();
  });
});

describe("observer sign-up limit per address", () => {
  test("N requests an hour pass, the next is refused", () => {
    expect(OBSERVER_SIGNUP_LIMIT).toEqual({ perAddress: 5, windowMinutes: 60 });
    expect(signUpRateLimited(OBSERVER_SIGNUP_LIMIT.perAddress - 1)).toBe(false);
    expect(signUpRateLimited(OBSERVER_SIGNUP_LIMIT.perAddress)).toBe(true);
    expect(signUpWindowStart(new Date("2026-12-01T10:00:00Z")).toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });
});

describe("staff decisions on observer requests", () => {
  test("statuses are one zod enum", () => {
    expect(OBSERVER_REQUEST_STATUSES).toEqual(["pending", "accepted", "declined"]);
    expect(observerRequestStatusSchema.safeParse("cancelled").success).toBe(false);
  });

  test("pending may be accepted or declined; accepted may be declined; declined is final", () => {
    const at = (from: ObserverRequestStatus, to: "accepted" | "declined") =>
      observerDecisionRefusal({ from, to, hearingStatus: "notified" });
    expect(at("pending", "accepted")).toBeNull();
    expect(at("pending", "declined")).toBeNull();
    expect(at("accepted", "declined")).toBeNull();
    expect(at("accepted", "accepted")).toBe("alreadyDecided");
    expect(at("declined", "accepted")).toBe("alreadyDecided");
    expect(at("declined", "declined")).toBe("alreadyDecided");
  });

  test("nothing is decided once the hearing is over", () => {
    expect(observerDecisionRefusal({ from: "pending", to: "accepted", hearingStatus: "concluded" })).toBe("hearingOver");
    expect(observerDecisionRefusal({ from: "pending", to: "declined", hearingStatus: "cancelled" })).toBe("hearingOver");
  });

  test("the decision form: an optional, bounded reason", () => {
    expect(observerDecisionSchema.parse({ requestId: "r1", decision: "declined", reason: "  " })).toEqual({
      requestId: "r1",
      decision: "declined",
      reason: undefined,
    });
    expect(observerDecisionSchema.safeParse({ requestId: "r1", decision: "pending" }).success).toBe(false);
    expect(observerDecisionSchema.safeParse({ requestId: "r1", decision: "declined", reason: "理".repeat(201) }).success).toBe(
      false
    );
  });
});
