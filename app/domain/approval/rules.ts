import type { ApprovalDecision } from "~/domain/approval/schemas";

export type ApprovalForDecision = { decision: string; requestedById: string };

export type DecisionRefusal =
  /** Only a pending request can be decided; a decision is final. */
  | { ok: false; status: 409; reason: "approvals.error.alreadyDecided" }
  /** Nobody approves their own request (规则 Art 7: the department head reviews the handler's work). */
  | { ok: false; status: 403; reason: "approvals.error.ownRequest" };

export type DecisionCheck = { ok: true } | DecisionRefusal;

/** Whether this approver may decide this request now. */
export function checkCanDecide(approval: ApprovalForDecision, deciderId: string): DecisionCheck {
  if (approval.decision !== "pending") return { ok: false, status: 409, reason: "approvals.error.alreadyDecided" };
  if (approval.requestedById === deciderId) return { ok: false, status: 403, reason: "approvals.error.ownRequest" };
  return { ok: true };
}

/** Badge tone of a decision. */
export function decisionTone(decision: string): "warn" | "ok" | "danger" | "neutral" {
  const d = decision as ApprovalDecision;
  return d === "pending" ? "warn" : d === "approved" ? "ok" : d === "rejected" ? "danger" : "neutral";
}
