import type { ApprovalKind } from "~/domain/case/lifecycle";
import { assertTransition } from "~/domain/case/lifecycle";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import { recordAudit } from "~/models/audit.server";
import { refreshCaseDeadlines } from "~/models/deadline.server";
import { clueFollowsCase } from "~/models/clue-state.server";
import type { Tx } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

export type TransitionRequest = {
  procuratorateId: string;
  caseId: string;
  to: CaseState;
  actorId: string;
  /**
   * The approved Approval that authorises the move, when the edge needs one. It is loaded here, in
   * the caller's transaction, and must belong to this case and procuratorate, be of the edge's
   * kind, approved and not yet used; it is consumed (usedAt set) so it authorises one move only.
   */
  approvalId?: string | null;
  reason?: string;
  /** Calendar date of the event (filedOn, closedOn, suspendedOn). */
  on?: string;
};

/**
 * The only writer of Case.state. Checks the transition table, the approval the edge needs, and the
 * case's version (optimistic lock), then writes the state, its history row and the audit event.
 * Call inside a transaction.
 */
export async function transitionCase(tx: Tx, req: TransitionRequest) {
  const current = await tx.case.findFirst({
    where: { id: req.caseId, procuratorateId: req.procuratorateId },
    select: { id: true, state: true, version: true },
  });
  if (!current) notFound();
  const from = caseStateSchema.parse(current.state);
  const edge = assertTransition(from, req.to);
  const approvalId = edge.approval ? await consumeApproval(tx, req, edge.approval) : null;
  const dates =
    req.to === "filed" ? { filedOn: req.on } : req.to === "closed" ? { closedOn: req.on } : req.to === "suspended" ? { suspendedOn: req.on } : {};
  const updated = await tx.case.updateMany({
    where: { id: current.id, version: current.version },
    data: { state: req.to, version: { increment: 1 }, ...dates },
  });
  if (updated.count !== 1) throw new DomainError("error.409", 409);
  await tx.caseTransition.create({
    data: {
      caseId: current.id,
      fromState: from,
      toState: req.to,
      actorId: req.actorId,
      approvalId,
      reason: req.reason ?? null,
    },
  });
  await recordAudit(tx, {
    procuratorateId: req.procuratorateId,
    actorId: req.actorId,
    action: "case.transition",
    entityType: "Case",
    entityId: current.id,
    caseId: current.id,
    data: { from, to: req.to, basis: edge.basis, approvalId },
  });
  // The state decides which clocks run (and a suspension stops them): recompute the stored ones.
  await refreshCaseDeadlines(tx, req.procuratorateId, current.id);
  // The chief's filing decision also settles the clue the case came from (规则 Art 30).
  if (from === "evaluation") await clueFollowsCase(tx, { procuratorateId: req.procuratorateId, caseId: current.id, actorId: req.actorId });
  return { from, to: req.to };
}

/**
 * Loads the approval by id bound to its subject (procuratorate, case, kind, approved, unused) and
 * marks it used. The update is conditional on usedAt still being null, so two moves racing on the
 * same approval cannot both succeed. Returns its id; 409 when there is no such approval.
 */
async function consumeApproval(tx: Tx, req: TransitionRequest, kind: ApprovalKind): Promise<string> {
  if (!req.approvalId) throw new DomainError("error.approvalRequired", 409);
  const approval = await tx.approval.findFirst({
    where: {
      id: req.approvalId,
      procuratorateId: req.procuratorateId,
      caseId: req.caseId,
      kind,
      decision: "approved",
      usedAt: null,
    },
    select: { id: true },
  });
  if (!approval) throw new DomainError("error.approvalRequired", 409);
  const used = await tx.approval.updateMany({
    where: { id: approval.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (used.count !== 1) throw new DomainError("approvals.error.alreadyUsed", 409);
  return approval.id;
}
