import { byteCount } from "~/utils/bytes";
import type { AgencyScope } from "~/domain/auth/policy";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// The agency portal (行政机关端). An agency liaison sees what was served on their own agency
// (Service.agencyId), documents marked agencyVisible for it, and the hearings it attended.
// DOMAIN §5: never internal reports or approvals, informant data, panel deliberation, or other
// agencies' replies in a 系列案. Every query filters by both the agency and its procuratorate.

export type { AgencyScope } from "~/domain/auth/policy";

/** How far ahead the portal warns: a rule of the reply deadline (app/domain/deadlines/agency-reply.ts). */
export { AGENCY_DUE_SOON_DAYS } from "~/domain/deadlines/agency-reply";

/** My agency's name, for the page header. */
export async function agencyName(scope: AgencyScope): Promise<string | null> {
  const agency = await prisma.agency.findFirst({
    where: { id: scope.agencyId, procuratorateId: scope.procuratorateId },
    select: { name: true },
  });
  return agency?.name ?? null;
}

/** The latest reply of my agency (a draft counts: the liaison is writing it). */
function latestReply<T extends { createdAt: Date }>(replies: T[]): T | null {
  return replies.reduce<T | null>((a, r) => (!a || r.createdAt > a.createdAt ? r : a), null);
}

/** Recommendations served on my agency, with the first service (it starts the reply clock). */
export async function listServedRecommendations(scope: AgencyScope) {
  const services = await prisma.service.findMany({
    where: {
      agencyId: scope.agencyId,
      recommendationId: { not: null },
      case: { procuratorateId: scope.procuratorateId },
    },
    orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
    select: {
      servedOn: true,
      method: true,
      recommendation: {
        select: {
          id: true,
          number: true,
          status: true,
          replyPeriod: true,
          case: { select: { title: true, number: true } },
          replies: {
            where: { agencyId: scope.agencyId },
            select: { status: true, submittedAt: true, createdAt: true },
          },
        },
      },
    },
  });
  const seen = new Set<string>();
  const rows = [];
  for (const s of services) {
    const rec = s.recommendation;
    if (!rec || seen.has(rec.id)) continue;
    seen.add(rec.id);
    const reply = latestReply(rec.replies);
    rows.push({
      id: rec.id,
      number: rec.number,
      status: rec.status,
      replyPeriod: rec.replyPeriod,
      caseTitle: rec.case.title,
      caseNumber: rec.case.number,
      servedOn: s.servedOn,
      method: s.method,
      reply: reply ? { status: reply.status, submittedAt: reply.submittedAt } : null,
      replyStatuses: rec.replies.map((r) => r.status),
    });
  }
  return rows;
}

/**
 * Other documents served on or released to my agency: Service rows that are not recommendations
 * (立案决定书, 事实确认书, 终结案件决定书 …), then generated documents marked agencyVisible
 * for my agency that no listed service already covers.
 */
export async function listAgencyDocuments(scope: AgencyScope) {
  const [services, documents] = await Promise.all([
    // Recommendations are listed apart (listServedRecommendations): not read here at all.
    prisma.service.findMany({
      where: { agencyId: scope.agencyId, recommendationId: null, case: { procuratorateId: scope.procuratorateId } },
      orderBy: [{ servedOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        documentKind: true,
        documentNumber: true,
        documentId: true,
        recommendationId: true,
        servedOn: true,
        method: true,
        case: { select: { title: true } },
        document: { select: { title: true, agencyVisible: true } },
      },
    }),
    prisma.generatedDocument.findMany({
      // A document served on my agency is listed once, as its service.
      where: {
        procuratorateId: scope.procuratorateId,
        agencyId: scope.agencyId,
        agencyVisible: true,
        services: { none: { agencyId: scope.agencyId } },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, number: true, title: true, createdAt: true, case: { select: { title: true } } },
    }),
  ]);
  const served = services.map((s) => ({
    key: `service:${s.id}`,
    kind: s.documentKind,
    number: s.documentNumber,
    title: s.document?.agencyVisible ? s.document.title : null,
    caseTitle: s.case.title,
    servedOn: s.servedOn as string | null,
    method: s.method as string | null,
    issuedAt: null as Date | null,
  }));
  const released = documents.map((d) => ({
    key: `document:${d.id}`,
    kind: d.kind,
    number: d.number,
    title: d.title as string | null,
    caseTitle: d.case?.title ?? null,
    servedOn: null as string | null,
    method: null as string | null,
    issuedAt: d.createdAt as Date | null,
  }));
  return [...served, ...released];
}

/** Hearings my agency took part in, with my agency's own representatives only. */
export async function listAgencyHearings(scope: AgencyScope) {
  // From my agency's participant rows (index on agencyId), not by walking every hearing of the
  // procuratorate and checking each.
  const attended = await prisma.hearingParticipant.findMany({
    where: { agencyId: scope.agencyId },
    distinct: ["hearingId"],
    select: { hearingId: true },
  });
  const hearings = await prisma.hearing.findMany({
    where: {
      id: { in: attended.map((p) => p.hearingId) },
      procuratorateId: scope.procuratorateId,
    },
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      title: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      participants: {
        where: { agencyId: scope.agencyId },
        select: { name: true, post: true, attended: true },
      },
    },
  });
  return hearings.map((h) => ({
    id: h.id,
    title: h.title,
    venue: h.venue,
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    status: h.status,
    representatives: h.participants,
  }));
}

/**
 * One recommendation as served on my agency; throws 404 when it was never served on it.
 * Only my agency's service records and replies; the text the 检察建议书 carries (规则 Art 75;
 * 建议规定 Art 16), nothing of the internal file.
 */
export async function getServedRecommendation(scope: AgencyScope, recommendationId: string) {
  const rec = await prisma.recommendation.findFirst({
    where: {
      id: recommendationId,
      case: { procuratorateId: scope.procuratorateId },
      services: { some: { agencyId: scope.agencyId } },
    },
    select: {
      id: true,
      number: true,
      status: true,
      facts: true,
      reasons: true,
      legalBasis: true,
      replyPeriod: true,
      ccList: true,
      issuedOn: true,
      case: {
        select: {
          title: true,
          number: true,
          procuratorate: { select: { name: true } },
        },
      },
      points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
      services: {
        where: { agencyId: scope.agencyId },
        orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          documentNumber: true,
          recipient: true,
          method: true,
          place: true,
          servedOn: true,
          signedBy: true,
          refusalReason: true,
          witness: true,
          serverName: true,
        },
      },
      replies: {
        where: { agencyId: scope.agencyId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          status: true,
          summary: true,
          submittedAt: true,
          createdAt: true,
          submittedBy: { select: { displayName: true } },
          answers: { select: { pointId: true, status: true, text: true } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, originalName: true, size: true, mimeType: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!rec) notFound();
  const agency = await agencyName(scope);
  const ordinalOf = new Map(rec.points.map((p) => [p.id, p.ordinal]));
  return {
    id: rec.id,
    number: rec.number,
    status: rec.status,
    facts: rec.facts,
    reasons: rec.reasons,
    legalBasis: rec.legalBasis,
    replyPeriod: rec.replyPeriod,
    ccList: rec.ccList,
    issuedOn: rec.issuedOn,
    caseTitle: rec.case.title,
    caseNumber: rec.case.number,
    procuratorate: rec.case.procuratorate.name,
    agency,
    points: rec.points,
    services: rec.services,
    replies: rec.replies.map((r) => ({
      id: r.id,
      status: r.status,
      summary: r.summary,
      submittedAt: r.submittedAt,
      createdAt: r.createdAt,
      submittedBy: r.submittedBy?.displayName ?? null,
      answers: r.answers
        .map((a) => ({ ...a, ordinal: ordinalOf.get(a.pointId) ?? 0 }))
        .sort((a, b) => a.ordinal - b.ordinal),
      attachments: r.attachments.map((a) => ({ ...a, size: byteCount(a.size) })),
    })),
  };
}
