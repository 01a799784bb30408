import { describe, expect, test } from "vitest";
import { hearingFormSchema, noticesSchema, participantSchema, toShanghaiLocal } from "~/domain/hearing/setup-schemas";

// The setup forms' schemas (issue 9): one per form, used by the browser and the action.

const base = {
  title: "口罩系列案公开听证",
  venue: "检察听证室",
  startsAt: "2026-12-20T09:00",
  hostId: "host1",
  form: "public",
  "cases[0].caseId": "c1",
  "cases[0].proposedHandling": "recommend",
};

function parse(values: Record<string, string>) {
  // The shape Conform hands over after parsing the form data.
  const cases: Record<string, string>[] = [];
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const m = /^cases\[(\d+)\]\.(\w+)$/.exec(k);
    if (m) (cases[Number(m[1])] ??= {})[m[2]!] = v;
    else flat[k] = v;
  }
  return hearingFormSchema.safeParse({ ...flat, ...(cases.length ? { cases } : {}) });
}

const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`));

describe("hearingFormSchema", () => {
  test("a public hearing over one case parses, with the form as isPublic", () => {
    const r = parse(base);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.isPublic).toBe(true);
      expect(r.data.closedReason).toBeNull();
      expect(r.data.cases).toEqual([{ caseId: "c1", proposedHandling: "recommend" }]);
    }
  });

  test("a closed hearing needs its reason (听证规定 Art 5)", () => {
    expect(messages(parse({ ...base, form: "closed" }))).toContain("closedReason:hearingSetup.validation.closedReasonRequired");
    const ok = parse({ ...base, form: "closed", closedReason: "涉及个人隐私" });
    expect(ok.success && ok.data.isPublic).toBe(false);
    expect(ok.success && ok.data.closedReason).toBe("涉及个人隐私");
  });

  test("a public hearing drops a reason typed before switching to public", () => {
    const r = parse({ ...base, closedReason: "涉及个人隐私" });
    expect(r.success && r.data.closedReason).toBeNull();
  });

  test("at least one case, no case twice, a known proposed handling", () => {
    const { ["cases[0].caseId"]: _c, ["cases[0].proposedHandling"]: _p, ...noCases } = base;
    expect(messages(parse(noCases))).toContain("cases:hearingSetup.validation.casesRequired");
    expect(
      messages(parse({ ...base, "cases[1].caseId": "c1", "cases[1].proposedHandling": "close" })),
    ).toContain("cases.1.caseId:hearingSetup.validation.duplicateCase");
    expect(parse({ ...base, "cases[0].proposedHandling": "ignore" }).success).toBe(false);
  });

  test("the end after the start; the clerk is not the host; seats a whole number", () => {
    expect(messages(parse({ ...base, endsAt: "2026-12-20T08:00" }))).toContain("endsAt:hearingSetup.validation.endsBeforeStart");
    expect(messages(parse({ ...base, clerkId: "host1" }))).toContain("clerkId:hearingSetup.validation.clerkIsHost");
    expect(parse({ ...base, observerSeats: "-1" }).success).toBe(false);
    const seats = parse({ ...base, observerSeats: "30" });
    expect(seats.success && seats.data.observerSeats).toBe(30);
  });

  test("required fields and a real date-time", () => {
    expect(messages(parse({ ...base, title: "  " }))).toContain("title:validation.required");
    expect(messages(parse({ ...base, startsAt: "2026-02-30T09:00" }))).toContain("startsAt:validation.dateTime");
    expect(parse({ ...base, form: "secret" }).success).toBe(false);
  });
});

describe("participantSchema", () => {
  test("an agency representative needs the agency; another body its organisation", () => {
    expect(participantSchema.safeParse({ intent: "add", kind: "agency_representative", name: "张某" }).success).toBe(false);
    expect(participantSchema.safeParse({ intent: "add", kind: "agency_representative", agencyId: "a1", name: "张某" }).success).toBe(true);
    expect(participantSchema.safeParse({ intent: "add", kind: "other", name: "李某" }).success).toBe(false);
    expect(participantSchema.safeParse({ intent: "add", kind: "other", organisation: "县疫情防控指挥部", name: "李某" }).success).toBe(true);
  });
  test("a phone must be a real number; remove needs only the id", () => {
    expect(participantSchema.safeParse({ intent: "add", kind: "observer", name: "王某", phone: "12" }).success).toBe(false);
    expect(participantSchema.safeParse({ intent: "remove", participantId: "p1" }).success).toBe(true);
  });
});

describe("noticesSchema", () => {
  test("a notice names its recipient as panelist:<id> or participant:<id>", () => {
    const r = noticesSchema.safeParse({ intent: "notice", target: "participant:abc", notifiedAt: "2026-12-01T10:00", method: "phone" });
    expect(r.success && r.data.intent === "notice" && r.data.target).toEqual({ kind: "participant", id: "abc" });
    expect(noticesSchema.safeParse({ intent: "notice", target: "user:abc", notifiedAt: "2026-12-01T10:00", method: "phone" }).success).toBe(false);
    expect(noticesSchema.safeParse({ intent: "notice", target: "panelist:abc", notifiedAt: "2026-12-01T10:00", method: "pigeon" }).success).toBe(false);
  });
  test("a late-notice request needs its reason", () => {
    expect(noticesSchema.safeParse({ intent: "requestLateNotice", reason: "" }).success).toBe(false);
    expect(noticesSchema.safeParse({ intent: "requestLateNotice", reason: "听证日期提前" }).success).toBe(true);
  });
});

test("toShanghaiLocal gives the datetime-local value in Shanghai wall time", () => {
  expect(toShanghaiLocal(new Date("2026-12-07T16:30:00Z"))).toBe("2026-12-08T00:30");
});
