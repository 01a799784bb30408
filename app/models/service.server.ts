import type { ServiceFields } from "~/domain/recommendation/service-schemas";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { recordAudit } from "~/models/audit.server";
import { refreshCaseDeadlines } from "~/models/deadline.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// 送达 of an approved recommendation (规则 Art 76; 民诉法 Arts 87–89). The service date on the
// 送达回证 starts the agency's reply clock (两高解释 Art 21): the stored agency_reply deadline is
// recomputed in the same transaction (refreshCaseDeadlines → replyRuleFor).

export type RecordedService = {
  serviceId: string;
  recommendationId: string;
  agencyId: string;
  agencyName: string;
  /** Whether the agency has an active liaison account; if not, the page offers the invitation. */
  hasLiaison: boolean;
  /** The reply due date now stored, or null when none could be computed. */
  dueOn: string | null;
};

/**
 * Records the service of an approved recommendation on the case's respondent agency and moves the
 * recommendation to served, with its audit event, in one transaction. A recommendation not
 * (yet) approved, or one already served, is refused (409) and nothing is written.
 */
export async function recordRecommendationService(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: ServiceFields,
  now: Date = new Date()
): Promise<RecordedService> {
  return prisma.$transaction(async (tx) => {
    const rec = await tx.recommendation.findFirst({
      where: { id: input.recommendationId, caseId, procuratorateId },
      select: {
        id: true,
        number: true,
        status: true,
        case: { select: { respondentAgencyId: true, respondentAgency: { select: { id: true, name: true } } } },
        _count: { select: { services: true } },
      },
    });
    if (!rec) notFound();
    if (rec._count.services > 0 || ["served", "replied", "closed"].includes(rec.status)) {
      throw new DomainError("agencyReply.service.alreadyServed");
    }
    if (rec.status !== ("approved" satisfies RecommendationStatus)) throw new DomainError("agencyReply.service.notApproved");
    const agency = rec.case.respondentAgency;
    if (!agency) throw new DomainError("agencyReply.service.noAgency");

    // Guarded write: a concurrent second service finds the status already moved.
    const moved = await tx.recommendation.updateMany({
      where: { id: rec.id, status: "approved" satisfies RecommendationStatus },
      data: { status: "served" satisfies RecommendationStatus },
    });
    if (moved.count !== 1) throw new DomainError("agencyReply.service.alreadyServed");
    const service = await tx.service.create({
      data: {
        caseId,
        documentKind: "recommendation",
        documentNumber: rec.number,
        recommendationId: rec.id,
        agencyId: agency.id,
        recipient: input.recipient,
        method: input.method!,
        place: input.place,
        servedOn: input.servedOn,
        signedBy: input.signedBy ?? null,
        refusalReason: input.refusalReason ?? null,
        witness: input.witness ?? null,
        attendees: input.attendees ?? null,
        note: input.note ?? null,
        serverName: input.serverName,
        createdById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    await refreshCaseDeadlines(tx, procuratorateId, caseId);
    const deadline = await tx.deadline.findUnique({
      where: { procuratorateId_key: { procuratorateId, key: `agency_reply:${rec.id}` } },
      select: { dueOn: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "recommendation.serve",
      entityType: "Recommendation",
      entityId: rec.id,
      caseId,
      data: {
        before: { status: rec.status },
        after: { status: "served" },
        serviceId: service.id,
        agencyId: agency.id,
        method: input.method,
        servedOn: input.servedOn,
        place: input.place,
        recipient: input.recipient,
        signedBy: input.signedBy ?? null,
        witness: input.witness ?? null,
        attendees: input.attendees ?? null,
        serverName: input.serverName,
        replyDueOn: deadline?.dueOn ?? null,
      },
      at: now,
    });
    const liaisons = await tx.user.count({ where: { procuratorateId, agencyId: agency.id, role: "agency", active: true } });
    return {
      serviceId: service.id,
      recommendationId: rec.id,
      agencyId: agency.id,
      agencyName: agency.name,
      hasLiaison: liaisons > 0,
      dueOn: deadline?.dueOn ?? null,
    };
  });
}

/** The case's recommendations approved and not yet served: what the service form offers. */
export async function servableRecommendations(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: { id: true, respondentAgency: { select: { id: true, name: true } } },
  });
  if (!kase) notFound();
  const recs = await prisma.recommendation.findMany({
    where: { caseId, procuratorateId, status: "approved" satisfies RecommendationStatus, services: { none: {} } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, number: true, replyPeriod: true },
  });
  return { agency: kase.respondentAgency, recommendations: recs };
}

/** Whether an agency of the procuratorate has an active liaison (for the invitation offer). */
export async function agencyHasLiaison(procuratorateId: string, agencyId: string): Promise<boolean> {
  const n = await prisma.user.count({ where: { procuratorateId, agencyId, role: "agency", active: true } });
  return n > 0;
}
