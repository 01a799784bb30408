import type { FollowUpVisitInput } from "~/domain/recommendation/follow-up-visit";
import { visitDateAllowed } from "~/domain/recommendation/follow-up-visit";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// Follow-up visits (跟进调查 on site, 规则 Art 77; 建议规定 Art 24): date, place, findings, the case's
// evidence items, and observers from the procuratorate's panelist pool. Scoped by procuratorate.

/** A visit belongs to the follow-up of a served recommendation: from the agency's period on. */
const VISIT_STATES = ["rectification", "follow_up", "pre_suit_review"];

/** The case's visits (newest first), and what the form offers: the case's evidence and the pool. */
export async function getFollowUpVisits(procuratorateId: string, caseId: string) {
  const kase = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      state: true,
      followUpVisits: {
        orderBy: [{ visitedOn: "desc" }, { createdAt: "desc" }],
        take: 50,
        select: {
          id: true,
          visitedOn: true,
          place: true,
          findings: true,
          createdBy: { select: { displayName: true } },
          evidence: { select: { evidence: { select: { id: true, ordinal: true, title: true } } } },
          observers: { select: { panelist: { select: { id: true, name: true, category: true } } } },
        },
      },
      evidence: { orderBy: { ordinal: "asc" }, take: 200, select: { id: true, ordinal: true, title: true } },
    },
  });
  if (!kase) notFound();
  const pool = await prisma.panelist.findMany({
    where: { procuratorateId, active: true, barred: false },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true, category: true },
  });
  return { visits: kase.followUpVisits, evidence: kase.evidence, pool, mayVisit: VISIT_STATES.includes(kase.state) };
}

/**
 * Records a visit with its evidence and observers in one transaction with its audit event. 400 when
 * an evidence item is not the case's or an observer not in the procuratorate's active pool.
 */
export async function recordFollowUpVisit(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: FollowUpVisitInput,
  today: string = dateInShanghai(),
) {
  return prisma.$transaction(async (tx) => {
    const kase = await tx.case.findFirst({
      where: { id: caseId, procuratorateId },
      select: {
        id: true,
        state: true,
        recommendations: { where: { procuratorateId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { id: true } },
      },
    });
    if (!kase) notFound();
    if (!VISIT_STATES.includes(kase.state)) throw new DomainError("agencyAssess.error.visitState", 409);
    if (!visitDateAllowed(input.visitedOn, today)) throw new DomainError("agencyAssess.validation.visitFuture", 400);
    const evidenceIds = [...new Set(input.evidenceIds)];
    const observerIds = [...new Set(input.observerIds)];
    const [evidenceFound, observersFound] = await Promise.all([
      evidenceIds.length ? tx.evidence.count({ where: { id: { in: evidenceIds }, caseId: kase.id } }) : 0,
      observerIds.length ? tx.panelist.count({ where: { id: { in: observerIds }, procuratorateId, active: true, barred: false } }) : 0,
    ]);
    if (evidenceFound !== evidenceIds.length) throw new DomainError("agencyAssess.validation.evidence", 400);
    if (observersFound !== observerIds.length) throw new DomainError("agencyAssess.validation.observer", 400);
    const visit = await tx.followUpVisit.create({
      data: {
        caseId: kase.id,
        recommendationId: kase.recommendations[0]?.id ?? null,
        visitedOn: input.visitedOn,
        place: input.place,
        findings: input.findings,
        createdById: actorId,
        evidence: { create: evidenceIds.map((evidenceId) => ({ evidenceId })) },
        observers: { create: observerIds.map((panelistId) => ({ panelistId })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "follow_up_visit.record",
      entityType: "FollowUpVisit",
      entityId: visit.id,
      caseId: kase.id,
      data: { before: null, after: { visitedOn: input.visitedOn, place: input.place, findings: input.findings, evidenceIds, observerIds } },
    });
    return visit;
  });
}
