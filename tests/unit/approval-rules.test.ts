import { describe, expect, test } from "vitest";
import { checkCanDecide, decisionTone } from "~/domain/approval/rules";
import { APPROVAL_COMMENT_MAX, decideApprovalSchema } from "~/domain/approval/schemas";

describe("checkCanDecide", () => {
  test("an approver may decide someone else's pending request", () => {
    expect(checkCanDecide({ decision: "pending", requestedById: "u1" }, "u2")).toEqual({ ok: true });
  });

  test("a decided request cannot be decided again (409)", () => {
    for (const decision of ["approved", "rejected"]) {
      expect(checkCanDecide({ decision, requestedById: "u1" }, "u2")).toEqual({
        ok: false,
        status: 409,
        reason: "approvals.error.alreadyDecided",
      });
    }
  });

  test("the requester cannot decide their own request (403)", () => {
    expect(checkCanDecide({ decision: "pending", requestedById: "u1" }, "u1")).toEqual({
      ok: false,
      status: 403,
      reason: "approvals.error.ownRequest",
    });
  });

  test("decided wins over own request", () => {
    expect(checkCanDecide({ decision: "approved", requestedById: "u1" }, "u1")).toMatchObject({ status: 409 });
  });
});

describe("decideApprovalSchema", () => {
  const parse = (v: Record<string, unknown>) => decideApprovalSchema.safeParse(v);

  test("approving needs no comment; blank comments become undefined", () => {
    expect(parse({ decision: "approved" })).toMatchObject({ success: true, data: { decision: "approved" } });
    expect(parse({ decision: "approved", comment: "   " })).toMatchObject({
      success: true,
      data: { comment: undefined },
    });
    expect(parse({ decision: "approved", comment: " 同意。 " })).toMatchObject({ data: { comment: "同意。" } });
  });

  test("rejecting needs a reason", () => {
    const r = parse({ decision: "rejected", comment: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["comment", "approvals.validation.commentRequired"],
    ]);
    expect(parse({ decision: "rejected", comment: "证据不足，补充调查后再报。" }).success).toBe(true);
  });

  test("the decision must be approved or rejected", () => {
    for (const decision of [undefined, "", "pending", "maybe"]) {
      const r = parse({ decision });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(["decision"]);
    }
  });

  test("comments have a maximum length", () => {
    const r = parse({ decision: "approved", comment: "意".repeat(APPROVAL_COMMENT_MAX + 1) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("validation.tooLong");
  });

  test("decision tones", () => {
    expect([decisionTone("pending"), decisionTone("approved"), decisionTone("rejected"), decisionTone("x")]).toEqual([
      "warn",
      "ok",
      "danger",
      "neutral",
    ]);
  });
});
