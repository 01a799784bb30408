import { describe, expect, it } from "vitest";
import { approvalEffectPreview } from "~/domain/approval/effects";
import { parseStoredApprovalPayload } from "~/domain/approval/payloads";

describe("approvalEffectPreview", () => {
  it("says what approving each kind will do", () => {
    expect(approvalEffectPreview("filing", { target: "filed" })).toEqual([{ key: "approvals.effect.filing" }]);
    expect(approvalEffectPreview("recommendation", { target: "rectification", recommendationCode: "行公建" })).toEqual([
      { key: "approvals.effect.recommendationNumber", params: { code: "行公建" } },
      { key: "approvals.effect.toState", params: { state: "rectification" } },
    ]);
    // No configured code: the page says the recommendation goes out without a number.
    expect(approvalEffectPreview("recommendation", { target: "rectification", recommendationCode: null })[0]).toEqual({
      key: "approvals.effect.recommendationNoCode",
    });
    expect(approvalEffectPreview("resumption", { target: "rectification" })).toEqual([
      { key: "approvals.effect.toState", params: { state: "rectification" } },
    ]);
    expect(approvalEffectPreview("extension", { target: null })).toEqual([{ key: "approvals.effect.extension" }]);
  });
});

describe("parseStoredApprovalPayload", () => {
  it("reads payloads stored before they were typed, dropping the old target-state keys", () => {
    expect(parseStoredApprovalPayload("filing", JSON.stringify({ to: "filed" }))).toEqual({ reason: undefined });
    expect(
      parseStoredApprovalPayload("recommendation", JSON.stringify({ to: "rectification", recommendationId: "r1" })),
    ).toMatchObject({ recommendationId: "r1" });
  });

  it("returns null for a payload that does not fit its kind", () => {
    expect(parseStoredApprovalPayload("recommendation", JSON.stringify({}))).toBeNull();
    expect(parseStoredApprovalPayload("filing", JSON.stringify({ surprise: 1 }))).toBeNull();
    expect(parseStoredApprovalPayload("filing", "{not json")).toBeNull();
  });

  it("reads departure approvals stored before they named a stance, and new ones with it", () => {
    expect(parseStoredApprovalPayload("departure_from_majority", JSON.stringify({ reason: "旧理由" }))).toEqual({ reason: "旧理由" });
    expect(parseStoredApprovalPayload("departure_from_majority", JSON.stringify({ reason: "r", stance: "agree" }))).toEqual({ reason: "r", stance: "agree" });
    expect(parseStoredApprovalPayload("departure_from_majority", JSON.stringify({ reason: "r", stance: "maybe" }))).toBeNull();
  });
});
