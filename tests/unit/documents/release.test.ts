import { describe, expect, test } from "vitest";
import { allDefinitions } from "~/domain/documents/definitions";
import type { DocumentKind } from "~/domain/documents/kinds";
import { DOCUMENT_KINDS } from "~/domain/documents/kinds";
import type { ReleaseRule } from "~/domain/documents/spec";
import { addressedToAgency, agencyVisibleAtIssue, releasedOnService } from "~/domain/documents/spec";

// Issue 11 item 1: when an agency-addressed document becomes the agency's (DOMAIN.md §5). Every
// kind declares its rule; the documents served with a 送达回证 are released only on service.

const EXPECTED: Record<DocumentKind, ReleaseRule> = {
  filing_decision: "on_service", // 规则 Art 70
  not_filing_decision: "never",
  fact_confirmation: "on_service", // 规则 Art 70
  consultation_minutes: "on_issue",
  evidence_request: "on_service", // 规则 Arts 36, 38
  evidence_list: "never",
  hearing_announcement: "never",
  hearing_notice: "on_issue",
  panelist_invitation: "never",
  hearing_record: "never",
  panel_opinion_form: "never",
  recommendation: "on_service", // 规则 Art 76
  proof_of_service: "on_issue",
  suspension_decision: "never",
  resumption_decision: "never",
  closure_decision: "on_service", // 规则 Arts 74, 80
  complaint: "never",
  court_appearance_notice: "never",
};

describe("the release rule of each document kind", () => {
  test("all 18 kinds declare the expected rule", () => {
    const defs = allDefinitions();
    expect(defs.map((d) => d.kind)).toEqual([...DOCUMENT_KINDS]);
    expect(Object.fromEntries(defs.map((d) => [d.kind, d.release]))).toEqual(EXPECTED);
  });

  test('"never" exactly for the kinds not addressed to an agency', () => {
    for (const def of allDefinitions()) {
      expect(def.release === "never", def.kind).toBe(def.audience !== "agency");
      expect(addressedToAgency(def), def.kind).toBe(def.audience === "agency");
    }
  });

  test("visible at issue, or released on service, never both", () => {
    for (const def of allDefinitions()) {
      expect(agencyVisibleAtIssue(def) && releasedOnService(def), def.kind).toBe(false);
      expect(agencyVisibleAtIssue(def) || releasedOnService(def), def.kind).toBe(addressedToAgency(def));
    }
    const served = allDefinitions().filter(releasedOnService).map((d) => d.kind);
    // DOMAIN.md §5: the documents served on the agency, plus the evidence request delivered to it.
    expect(served).toEqual(["filing_decision", "fact_confirmation", "evidence_request", "recommendation", "closure_decision"]);
  });

  test("a kind addressed to nobody in particular is never released, whatever it declares", () => {
    expect(addressedToAgency({ audience: "internal", release: "on_issue" })).toBe(false);
    expect(agencyVisibleAtIssue({ audience: "court", release: "on_issue" })).toBe(false);
    expect(releasedOnService({ audience: "panel", release: "on_service" })).toBe(false);
  });
});
