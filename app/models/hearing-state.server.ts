import type { HearingStage, HearingStatus } from "~/domain/hearing/states";
import { canMoveHearing, hearingStatusSchema } from "~/domain/hearing/states";
import { recordAudit } from "~/models/audit.server";
import { refreshDeadlines } from "~/models/deadline.server";
import type { Tx } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// The only writer of Hearing.status (issue 9): every status move of a hearing goes through the one
// transition table (app/domain/hearing/states.ts HEARING_TRANSITIONS), in the caller's transaction,
// with its audit event. Guards that need more than the status (every notice given, deliberation
// closed) are checked here or by the caller before it moves.

export type HearingMove = {
  procuratorateId: string;
  hearingId: string;
  to: HearingStatus;
  actorId: string;
  at?: Date;
  /** Why (a cancellation's reason, required for `cancelled`). */
  reason?: string;
  /** The stage of the order of business the hearing enters with this move, if any. */
  stage?: HearingStage;
};

export async function moveHearing(tx: Tx, move: HearingMove): Promise<{ from: HearingStatus; to: HearingStatus }> {
  const at = move.at ?? new Date();
  const hearing = await tx.hearing.findFirst({
    where: { id: move.hearingId, procuratorateId: move.procuratorateId },
    select: { id: true, status: true, deliberationClosedAt: true, stage: true },
  });
  if (!hearing) notFound();
  const from = hearingStatusSchema.parse(hearing.status);
  if (!canMoveHearing(from, move.to)) throw new DomainError("hearings.error.illegalTransition", 409);
  // 听证规定 Art 15: the host sums up after the panel's opinions are given; opinions are final first.
  if (move.to === "concluded" && !hearing.deliberationClosedAt) {
    throw new DomainError("hearings.error.deliberationOpen", 409);
  }
  if (move.to === "cancelled" && !move.reason?.trim()) throw new DomainError("validation.required", 400);
  // Once deliberation is closed the opinions are final and unsealed: the hearing is concluded, not
  // called off (cancelling would seal them again for good and leave no decision to record).
  if (move.to === "cancelled" && hearing.deliberationClosedAt) throw new DomainError("hearings.error.illegalTransition", 409);
  const updated = await tx.hearing.updateMany({
    // Compare-and-set on the status read above: a concurrent move answers 409, not a double move.
    where: { id: hearing.id, procuratorateId: move.procuratorateId, status: from },
    data: {
      status: move.to,
      ...(move.stage ? { stage: move.stage } : {}),
      ...(move.to === "concluded" ? { concludedAt: at } : {}),
      ...(move.to === "cancelled" ? { cancelledReason: move.reason!.trim() } : {}),
    },
  });
  if (updated.count !== 1) throw new DomainError("hearings.error.moved", 409);
  // Only a planned hearing has a hearing_notice deadline running: the move drops or keeps it.
  await refreshDeadlines(tx, move.procuratorateId, { hearingId: hearing.id });
  await recordAudit(tx, {
    procuratorateId: move.procuratorateId,
    actorId: move.actorId,
    action: "hearing.status",
    entityType: "Hearing",
    entityId: hearing.id,
    data: { from, to: move.to, ...(move.reason ? { reason: move.reason.trim() } : {}), ...(move.stage ? { stage: move.stage } : {}) },
    at,
  });
  return { from, to: move.to };
}
