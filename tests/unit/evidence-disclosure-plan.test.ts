import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { needsRedactedCopy, panelFiles, planDisclosure } from "~/domain/evidence/disclosure-plan";
import { disclosureFormSchema } from "~/domain/evidence/schemas-disclosure";

const plain = { id: "plain", containsPersonal: false, files: [{ redactionOfId: null }] };
const personalBare = { id: "bare", containsPersonal: true, files: [{ redactionOfId: null }] };
const personalRedacted = { id: "red", containsPersonal: true, files: [{ redactionOfId: null }, { redactionOfId: "f1" }] };
const items = [plain, personalBare, personalRedacted];

describe("which items may be disclosed", () => {
  test("an item with personal data needs a redacted copy; others never do", () => {
    expect(needsRedactedCopy(plain)).toBe(false);
    expect(needsRedactedCopy({ containsPersonal: false, files: [] })).toBe(false);
    expect(needsRedactedCopy(personalBare)).toBe(true);
    expect(needsRedactedCopy({ containsPersonal: true, files: [] })).toBe(true);
    expect(needsRedactedCopy(personalRedacted)).toBe(false);
  });

  test("the panel's files of a personal-data item are its redacted copies only", () => {
    const files = [
      { id: "orig", redactionOfId: null },
      { id: "copy", redactionOfId: "orig" },
    ];
    expect(panelFiles({ containsPersonal: true }, files).map((f) => f.id)).toEqual(["copy"]);
    expect(panelFiles({ containsPersonal: false }, files).map((f) => f.id)).toEqual(["orig", "copy"]);
  });
});

describe("planDisclosure", () => {
  test("adds ticked items not yet disclosed and withdraws shown items no longer ticked", () => {
    const plan = planDisclosure({ items, disclosed: ["red"], shown: ["plain", "red"], selected: ["plain"] });
    expect(plan).toEqual({ add: ["plain"], withdraw: ["red"], needsRedaction: [], unknown: [] });
  });

  test("an item disclosed but not shown by the form is left alone", () => {
    const plan = planDisclosure({ items, disclosed: ["red"], shown: ["plain"], selected: [] });
    expect(plan).toEqual({ add: [], withdraw: [], needsRedaction: [], unknown: [] });
  });

  test("an already disclosed item still ticked is neither added again nor withdrawn", () => {
    const plan = planDisclosure({ items, disclosed: ["plain"], shown: ["plain"], selected: ["plain"] });
    expect(plan).toEqual({ add: [], withdraw: [], needsRedaction: [], unknown: [] });
  });

  test("a ticked personal-data item without a redacted copy is named; one already disclosed is not", () => {
    expect(planDisclosure({ items, disclosed: [], shown: ["bare", "red"], selected: ["bare", "red"] }).needsRedaction).toEqual(["bare"]);
    // Withdrawing it is always allowed.
    expect(planDisclosure({ items, disclosed: ["bare"], shown: ["bare"], selected: [] })).toMatchObject({
      withdraw: ["bare"],
      needsRedaction: [],
    });
  });

  test("ids that are not items of the hearing's cases are reported as unknown", () => {
    expect(planDisclosure({ items, disclosed: [], shown: ["plain", "elsewhere"], selected: ["elsewhere"] }).unknown).toEqual([
      "elsewhere",
    ]);
  });
});

describe("disclosureFormSchema", () => {
  const form = (entries: [string, string][]) => {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    return parseWithZod(fd, { schema: disclosureFormSchema });
  };

  test("reads repeated checkboxes, one or none ticked", () => {
    const many = form([
      ["shown", "a"],
      ["shown", "b"],
      ["disclose", "a"],
      ["disclose", "b"],
    ]);
    expect(many.status === "success" && many.value).toEqual({ shown: ["a", "b"], disclose: ["a", "b"] });
    const one = form([["shown", "a"], ["disclose", "a"]]);
    expect(one.status === "success" && one.value).toEqual({ shown: ["a"], disclose: ["a"] });
    const none = form([["shown", "a"]]);
    expect(none.status === "success" && none.value).toEqual({ shown: ["a"], disclose: [] });
  });

  test("refuses an empty form and a ticked id the form did not show", () => {
    const empty = form([]);
    expect(empty.status).toBe("error");
    expect(empty.reply().error?.shown).toEqual(["evidenceDisclosure.error.nothingShown"]);
    const stray = form([["shown", "a"], ["disclose", "z"]]);
    expect(stray.status).toBe("error");
    expect(stray.reply().error?.disclose).toEqual(["validation.invalid"]);
  });
});
