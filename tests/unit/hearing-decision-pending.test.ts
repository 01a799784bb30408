import { describe, expect, test } from "vitest";
import { pendingHearingDecision } from "~/domain/hearing/decision-pending";

// Issue 9 item 7 (听证规定 Art 16): a case moves on only after the decision on an unsealed panel is recorded.
const closed = new Date("2026-12-08T10:00:00+08:00");
const h = (over: Partial<Parameters<typeof pendingHearingDecision>[0][number]> = {}) => ({
  hearingId: "h1",
  title: "听证",
  status: "concluded",
  deliberationClosedAt: closed,
  decisionStance: null,
  ...over,
});

describe("pendingHearingDecision", () => {
  test("an unsealed hearing without a decision is pending", () => {
    expect(pendingHearingDecision([h()])?.hearingId).toBe("h1");
    expect(pendingHearingDecision([h({ hearingId: "a", decisionStance: "agree" }), h({ hearingId: "b", status: "deliberating" })])?.hearingId).toBe("b");
  });

  test("a recorded decision, sealed opinions or no hearing leave nothing pending", () => {
    expect(pendingHearingDecision([])).toBeNull();
    expect(pendingHearingDecision([h({ decisionStance: "disagree" })])).toBeNull();
    expect(pendingHearingDecision([h({ status: "in_progress", deliberationClosedAt: null })])).toBeNull();
    expect(pendingHearingDecision([h({ status: "deliberating", deliberationClosedAt: null })])).toBeNull();
    expect(pendingHearingDecision([h({ status: "cancelled" })])).toBeNull();
  });
});
