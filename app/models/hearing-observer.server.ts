import type { ObserverDecisionInput, ObserverRequestStatus } from "~/domain/hearing/observer-schema";
import {
  observerDecisionRefusal,
  observerRequestStatusSchema,
  SEAT_HOLDING_STATUSES,
  seatsLeft,
} from "~/domain/hearing/observer-schema";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Staff side of the public observer sign-up (旁听申请, 听证规定 Art 5): the requests of one
// hearing, with the phone number staff call back on, and the decision on each. Every query is
// scoped to the procuratorate, so another procuratorate's hearing or request is "not found".

/** The requests of a hearing (oldest first) and its seats, for the observers tab. */
export async function listObserverRequests(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      isPublic: true,
      announcedAt: true,
      observerSeats: true,
      observerRequests: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          phone: true,
          organisation: true,
          status: true,
          createdAt: true,
          decidedAt: true,
          decisionReason: true,
          decidedBy: { select: { displayName: true } },
        },
      },
    },
  });
  if (!hearing) notFound();
  const { observerRequests, ...rest } = hearing;
  const requests = observerRequests.map((r) => ({ ...r, status: observerRequestStatusSchema.catch("pending").parse(r.status) }));
  // Seats are held by accepted requests and those still waiting for a decision.
  const seatsTaken = requests.filter((r) => (SEAT_HOLDING_STATUSES as readonly string[]).includes(r.status)).length;
  return { hearing: rest, requests, seatsTaken, seatsLeft: seatsLeft(hearing.observerSeats, seatsTaken) };
}

/**
 * Accepts or declines one request of the hearing (observerDecisionRefusal says which decisions
 * are allowed), with the audit event of the change, in one transaction. Throws 404 when the
 * hearing or the request is not the procuratorate's, 409 when the rule refuses.
 */
export async function decideObserverRequest(
  procuratorateId: string,
  actorId: string,
  hearingId: string,
  input: ObserverDecisionInput,
  now: Date = new Date()
) {
  return prisma.$transaction(async (tx) => {
    const request = await tx.hearingObserverRequest.findFirst({
      where: { id: input.requestId, hearingId, hearing: { procuratorateId } },
      select: { id: true, status: true, decisionReason: true, hearing: { select: { id: true, status: true } } },
    });
    if (!request) notFound();
    const from = observerRequestStatusSchema.catch("pending").parse(request.status) as ObserverRequestStatus;
    const refusal = observerDecisionRefusal({ from, to: input.decision, hearingStatus: request.hearing.status });
    if (refusal) throw new DomainError(`hearings.observers.refusal.${refusal}`, 409);
    const reason = input.decision === "declined" ? (input.reason ?? null) : null;
    // Only a request still in the state read above is changed: a concurrent decision wins once.
    const changed = await tx.hearingObserverRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: input.decision, decidedById: actorId, decidedAt: now, decisionReason: reason },
    });
    if (changed.count !== 1) throw new DomainError("hearings.observers.refusal.alreadyDecided", 409);
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: input.decision === "accepted" ? "hearing.observer_accept" : "hearing.observer_decline",
      entityType: "HearingObserverRequest",
      entityId: request.id,
      data: {
        hearingId: request.hearing.id,
        before: { status: request.status, decisionReason: request.decisionReason },
        after: { status: input.decision, decisionReason: reason },
      },
    });
    return { id: request.id, status: input.decision };
  });
}
