import { describe, expect, it } from "vitest";
import { CUSTODY_ACTIONS } from "~/domain/evidence/kinds";
import { MANUAL_CUSTODY_ACTIONS, custodyStepSchema, shanghaiLocalMinute } from "~/domain/evidence/schemas-custody";

// The physical custody step form (app/domain/evidence/schemas-custody.ts).

const now = new Date("2026-12-01T04:00:00Z"); // 12:00 in Shanghai
const parse = (v: Record<string, string>) => custodyStepSchema(now).safeParse(v);
const messages = (v: Record<string, string>) => {
  const r = parse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("custody step schema", () => {
  it("takes a transfer with its new holder; the time is Shanghai wall time, stored as UTC", () => {
    const r = parse({ action: "transferred", at: "2026-12-01T09:30", counterparty: " 郴州市人民检察院技术处 王晓 ", location: "", note: "" });
    expect(r.success && r.data).toEqual({
      action: "transferred",
      at: new Date("2026-12-01T01:30:00Z"),
      counterparty: "郴州市人民检察院技术处 王晓",
      location: null,
      note: null,
    });
  });

  it("offers only the manual steps: collected and the system-written ones are refused", () => {
    expect(MANUAL_CUSTODY_ACTIONS).toEqual(["received", "stored", "transferred", "returned"]);
    expect(MANUAL_CUSTODY_ACTIONS.every((a) => (CUSTODY_ACTIONS as readonly string[]).includes(a))).toBe(true);
    for (const action of ["collected", "uploaded", "viewed", "downloaded", "verified", "disclosed", "exported"]) {
      expect(messages({ action, at: "2026-12-01T09:30", counterparty: "某人" })).toMatchObject({ action: "evidenceCustody.validation.action" });
    }
  });

  it("refuses a time in the future, and accepts the present minute", () => {
    expect(messages({ action: "stored", at: "2026-12-01T12:01", location: "证物室" })).toEqual({ at: "evidenceCustody.validation.future" });
    expect(parse({ action: "stored", at: "2026-12-01T12:00", location: "证物室" }).success).toBe(true);
    expect(messages({ action: "stored", at: "2026-02-30T10:00", location: "证物室" })).toEqual({ at: "validation.dateTime" });
    expect(messages({ action: "stored", at: "", location: "证物室" })).toEqual({ at: "validation.required" });
  });

  it("needs the other side for received, transferred, returned, and a place for stored", () => {
    const at = "2026-11-30T10:00";
    expect(messages({ action: "transferred", at })).toEqual({ counterparty: "evidenceCustody.validation.counterparty.transferred" });
    expect(messages({ action: "received", at, counterparty: "  " })).toEqual({ counterparty: "evidenceCustody.validation.counterparty.received" });
    expect(messages({ action: "returned", at })).toEqual({ counterparty: "evidenceCustody.validation.counterparty.returned" });
    expect(messages({ action: "stored", at })).toEqual({ location: "evidenceCustody.validation.place" });
    expect(messages({ action: "stored", at, location: "x".repeat(201) })).toEqual({ location: "validation.tooLong" });
  });

  it("formats an instant as a datetime-local value in Shanghai", () => {
    expect(shanghaiLocalMinute(now)).toBe("2026-12-01T12:00");
    expect(shanghaiLocalMinute(new Date("2026-12-31T16:05:59Z"))).toBe("2027-01-01T00:05");
  });
});
