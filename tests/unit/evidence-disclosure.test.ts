import { describe, expect, test } from "vitest";
import { DISCLOSURE_OPEN_STATUSES, disclosedItemFrozen, disclosureOpen, panelSeesFile } from "~/domain/evidence/disclosure";
import { HEARING_STATUSES } from "~/domain/hearing/states";

describe("disclosure to a hearing's panel", () => {
  test("is open until deliberation, for every status", () => {
    const open = Object.fromEntries(HEARING_STATUSES.map((s) => [s, disclosureOpen(s)]));
    expect(open).toEqual({
      planned: true,
      notified: true,
      in_progress: true,
      deliberating: false,
      concluded: false,
      cancelled: false,
    });
    expect(disclosureOpen("unknown")).toBe(false);
    expect(DISCLOSURE_OPEN_STATUSES).not.toContain("deliberating");
  });

  test("a disclosed item's files and personal-data flag are frozen only while the panel deliberates", () => {
    const frozen = HEARING_STATUSES.filter((s) => disclosedItemFrozen(s));
    expect(frozen).toEqual(["deliberating"]);
  });

  test("an item with personal data shows the panel only its redacted copies", () => {
    const original = { redactionOfId: null };
    const redacted = { redactionOfId: "f-original" };
    expect(panelSeesFile({ containsPersonal: true }, original)).toBe(false);
    expect(panelSeesFile({ containsPersonal: true }, redacted)).toBe(true);
    expect(panelSeesFile({ containsPersonal: false }, original)).toBe(true);
    expect(panelSeesFile({ containsPersonal: false }, redacted)).toBe(true);
  });
});
