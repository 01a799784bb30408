import { definitionOf } from "~/domain/documents/definitions";
import type { DocumentKind } from "~/domain/documents/kinds";
import { documentKindSchema } from "~/domain/documents/kinds";
import { releasedOnService } from "~/domain/documents/spec";
import type { DocumentServiceFields, ServiceDetails, ServiceFields } from "~/domain/recommendation/service-schemas";
import type { RecommendationStatus } from "~/domain/recommendation/states";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/models/audit.server";
import { refreshCaseDeadlines } from "~/models/deadline.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { DomainError, notFound } from "~/utils/errors";

// 送达 of an approved recommendation (规则 Art 76; 民诉法 Arts 87–89). The service date on the
// 送达回证 starts the agency's reply clock (两高解释 Art 21): the stored agency_reply deadline is
// recomputed in the same transaction (refreshCaseDeadlines → replyRuleFor).
// A document served with a 送达回证 (its kind's release rule "on_service": 立案决定书, 事实确认书,
// 检察建议书, 终结案件决定书, 调取证据通知书) becomes the agency's when its service is recorded here
// (DOMAIN.md §5): Service.documentId names it and GeneratedDocument.agencyVisible is set in the same
// transaction. A document is served once: checked first, and the partial unique index
// Service(documentId) refuses a concurrent second service.

/** The service record's own fields, whatever was served. */
function serviceData(input: ServiceDetails) {
  return {
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
  };
}

/** What the audit event keeps of a service. */
function serviceAudit(input: ServiceDetails) {
  return {
    method: input.method,
    servedOn: input.servedOn,
    place: input.place,
    recipient: input.recipient,
    signedBy: input.signedBy ?? null,
    refusalReason: input.refusalReason ?? null,
    witness: input.witness ?? null,
    attendees: input.attendees ?? null,
    serverName: input.serverName,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A second service of one document, found by the unique index at commit: the same 409 as the check. */
async function servedOnce<T>(messageKey: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(messageKey);
    throw error;
  }
}

/**
 * Releases a served document to its agency (agencyVisible), with its audit event. A document
 * already visible (issued before the release rule, or released at issue) is left as it is.
 */
async function releaseToAgency(
  tx: Tx,
  input: { procuratorateId: string; actorId: string; caseId: string; documentId: string; serviceId: string; agencyId: string; now: Date },
) {
  const released = await tx.generatedDocument.updateMany({
    where: { id: input.documentId, procuratorateId: input.procuratorateId, agencyId: input.agencyId, agencyVisible: false },
    data: { agencyVisible: true },
  });
  if (released.count === 0) return false;
  await recordAudit(tx, {
    procuratorateId: input.procuratorateId,
    actorId: input.actorId,
    action: "document.release",
    entityType: "GeneratedDocument",
    entityId: input.documentId,
    caseId: input.caseId,
    data: { before: { agencyVisible: false }, after: { agencyVisible: true }, agencyId: input.agencyId, serviceId: input.serviceId },
    at: input.now,
  });
  return true;
}

export type RecordedService = {
  serviceId: string;
  recommendationId: string;
  agencyId: string;
  agencyName: string;
  /** Whether the agency has an active liaison account; if not, the page offers the invitation. */
  hasLiaison: boolean;
  /** The reply due date now stored, or null when none could be computed. */
  dueOn: string | null;
  /** The issued 检察建议书 the service delivered and released to the agency, if one was issued. */
  document: { id: string; title: string } | null;
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
  return servedOnce("agencyReply.service.alreadyServed", () => prisma.$transaction(async (tx) => {
    const rec = await tx.recommendation.findFirst({
      where: { id: input.recommendationId, caseId, procuratorateId },
      select: {
        id: true,
        number: true,
        status: true,
        issuedOn: true,
        case: { select: { respondentAgencyId: true, respondentAgency: { select: { id: true, name: true } } } },
        _count: { select: { services: true } },
      },
    });
    if (!rec) notFound();
    // A letter is served after it is issued: an earlier date is a typing slip that would start the
    // reply clock too early (民诉法 Art 87: the date signed on the 送达回证).
    if (rec.issuedOn && input.servedOn < rec.issuedOn) throw new DomainError("agencyReply.service.beforeIssue", 400);
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
    // The letter served: the latest 检察建议书 issued for this recommendation and addressed to this
    // agency, unless another service already delivered it. None: the letter was made outside the system.
    const letter = await tx.generatedDocument.findFirst({
      where: {
        procuratorateId,
        caseId,
        kind: "recommendation" satisfies DocumentKind,
        subjectType: "recommendation",
        subjectId: rec.id,
        agencyId: agency.id,
        services: { none: {} },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true },
    });
    const service = await tx.service.create({
      data: {
        caseId,
        documentKind: "recommendation",
        documentNumber: rec.number,
        recommendationId: rec.id,
        documentId: letter?.id ?? null,
        agencyId: agency.id,
        ...serviceData(input),
        createdById: actorId,
        createdAt: now,
      },
      select: { id: true },
    });
    if (letter) {
      await releaseToAgency(tx, { procuratorateId, actorId, caseId, documentId: letter.id, serviceId: service.id, agencyId: agency.id, now });
    }
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
        documentId: letter?.id ?? null,
        ...serviceAudit(input),
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
      document: letter,
    };
  }));
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

export type RecordedDocumentService = {
  serviceId: string;
  documentId: string;
  title: string;
  agencyId: string;
  agencyName: string;
  /** Whether the agency has an active liaison account; if not, the page offers the invitation. */
  hasLiaison: boolean;
};

/** Whether a document of this kind is served with a 送达回证 and released on service (its kind's rule). */
function servedKind(kind: string): boolean {
  const parsed = documentKindSchema.safeParse(kind);
  return parsed.success && releasedOnService(definitionOf(parsed.data));
}

/** Whether the recommendation a 检察建议书 is made from was already served (else it is served as the recommendation). */
async function recommendationServed(db: Tx, procuratorateId: string, recommendationId: string | null) {
  if (!recommendationId) return false;
  const n = await db.service.count({ where: { recommendationId, case: { procuratorateId } } });
  return n > 0;
}

/**
 * Records the service of another issued document of the case addressed to its agency (立案决定书,
 * 事实确认书, 终结案件决定书, 调取证据通知书; a 检察建议书 issued after its recommendation was served),
 * releases it to the agency and audits both, in one transaction. A document of another case or
 * procuratorate is 404; one not served with a 送达回证, or already served, is refused (409) and
 * nothing is written. Serving a 立案决定书 meets its 7-day deadline (规则 Art 70).
 */
export async function recordDocumentService(
  procuratorateId: string,
  actorId: string,
  caseId: string,
  input: DocumentServiceFields,
  now: Date = new Date()
): Promise<RecordedDocumentService> {
  return servedOnce("agencyReply.service.documentAlreadyServed", () =>
    prisma.$transaction(async (tx) => {
      const doc = await tx.generatedDocument.findFirst({
        where: { id: input.documentId, caseId, procuratorateId, case: { procuratorateId } },
        select: {
          id: true,
          kind: true,
          number: true,
          title: true,
          subjectType: true,
          subjectId: true,
          agencyVisible: true,
          agency: { select: { id: true, name: true } },
          _count: { select: { services: true } },
        },
      });
      if (!doc) notFound();
      if (doc._count.services > 0) throw new DomainError("agencyReply.service.documentAlreadyServed");
      if (!doc.agency || !servedKind(doc.kind)) throw new DomainError("agencyReply.service.documentNotServed");
      // A letter whose recommendation is not served yet is served as the recommendation (it starts the reply clock).
      if (doc.kind === ("recommendation" satisfies DocumentKind)) {
        const recId = doc.subjectType === "recommendation" ? doc.subjectId : null;
        if (!(await recommendationServed(tx, procuratorateId, recId))) throw new DomainError("agencyReply.service.serveRecommendationFirst");
      }
      const service = await tx.service.create({
        data: {
          caseId,
          documentKind: doc.kind,
          documentNumber: doc.number,
          documentId: doc.id,
          agencyId: doc.agency.id,
          ...serviceData(input),
          createdById: actorId,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        procuratorateId,
        actorId,
        action: "document.serve",
        entityType: "GeneratedDocument",
        entityId: doc.id,
        caseId,
        data: { serviceId: service.id, kind: doc.kind, number: doc.number, agencyId: doc.agency.id, ...serviceAudit(input) },
        at: now,
      });
      await releaseToAgency(tx, { procuratorateId, actorId, caseId, documentId: doc.id, serviceId: service.id, agencyId: doc.agency.id, now });
      await refreshCaseDeadlines(tx, procuratorateId, caseId);
      const liaisons = await tx.user.count({ where: { procuratorateId, agencyId: doc.agency.id, role: "agency", active: true } });
      return { serviceId: service.id, documentId: doc.id, title: doc.title, agencyId: doc.agency.id, agencyName: doc.agency.name, hasLiaison: liaisons > 0 };
    })
  );
}

/**
 * The case's issued documents the service form offers: addressed to an agency, of a kind served
 * with a 送达回证, not yet served; a 检察建议书 only once its recommendation was served (before, it is
 * served with the recommendation). Newest first, bounded.
 */
export async function servableDocuments(procuratorateId: string, caseId: string) {
  const docs = await prisma.generatedDocument.findMany({
    where: { caseId, procuratorateId, agencyId: { not: null }, services: { none: {} } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, kind: true, number: true, title: true, subjectType: true, subjectId: true, agency: { select: { name: true } } },
  });
  const served = docs.filter((d) => servedKind(d.kind));
  const letters = served.filter((d) => d.kind === "recommendation" && d.subjectType === "recommendation" && d.subjectId);
  const servedRecs = letters.length
    ? new Set(
        (
          await prisma.service.findMany({
            where: { recommendationId: { in: letters.map((d) => d.subjectId!) }, case: { procuratorateId } },
            select: { recommendationId: true },
          })
        ).map((s) => s.recommendationId)
      )
    : new Set<string | null>();
  return served
    .filter((d) => d.kind !== "recommendation" || (d.subjectId !== null && servedRecs.has(d.subjectId)))
    .map((d) => ({ id: d.id, kind: d.kind, number: d.number, title: d.title, agencyName: d.agency?.name ?? null }));
}
