import type { ApprovalKind } from "~/domain/case/lifecycle";
import { assertTransition } from "~/domain/case/lifecycle";
import type { CaseState } from "~/domain/case/states";
import { caseStateSchema } from "~/domain/case/states";
import { recordAudit } from "~/models/audit.server";
import { clueFollowsCase } from "~/models/clue-state.server";
import type { Tx } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

export type TransitionRequest = {
  procuratorateId: string;
  caseId: string;
  to: CaseState;
  actorId: string;
  /** The approved Approval that authorises the move, when the edge needs one. */
  approval?: { id: string; kind: string; decision: string } | null;
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
  if (edge.approval && !approves(req.approval, edge.approval)) {
    throw new DomainError("error.approvalRequired", 409);
  }
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
      approvalId: req.approval?.id ?? null,
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
    data: { from, to: req.to, basis: edge.basis, approvalId: req.approval?.id ?? null },
  });
  // The chief's filing decision also settles the clue the case came from (规则 Art 30).
  if (from === "evaluation") await clueFollowsCase(tx, { procuratorateId: req.procuratorateId, caseId: current.id, actorId: req.actorId });
  return { from, to: req.to };
}

function approves(approval: TransitionRequest["approval"], kind: ApprovalKind): boolean {
  return !!approval && approval.kind === kind && approval.decision === "approved";
}
