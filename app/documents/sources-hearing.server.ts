import { proofOfServiceDefinition } from "~/domain/documents/kinds/proof-of-service";
import type { ProofOfServiceSource } from "~/domain/documents/kinds/proof-of-service";
import { recommendationDefinition } from "~/domain/documents/kinds/recommendation";
import type { RecommendationSource } from "~/domain/documents/kinds/recommendation";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import type { DocumentSourceEntry } from "./registry.server";
import { sourceEntry } from "./registry.server";

// The loaders of the kinds generated from a hearing or a recommendation, each paired with its
// definition through sourceEntry. Each reads within the procuratorate: null when the subject is
// not in scope (the caller answers 404), DomainError(409, "documentsHearing.error.<key>") when the
// document cannot be made yet. No loader reads a clue's informant or a panelist's phone number.

/** The recommendation with what its letter and its proof of service need, in scope, or null. */
async function approvedRecommendation(procuratorateId: string, recommendationId: string) {
  const rec = await prisma.recommendation.findFirst({
    where: { id: recommendationId, procuratorateId, case: { procuratorateId } },
    select: {
      id: true,
      number: true,
      status: true,
      facts: true,
      reasons: true,
      legalBasis: true,
      replyPeriod: true,
      objectionDays: true,
      ccList: true,
      points: { orderBy: { ordinal: "asc" }, select: { text: true } },
      case: {
        select: {
          title: true,
          number: true,
          filedOn: true,
          respondentAgency: { select: { name: true } },
          // The kind of source and the day only: never the informant (个人信息保护法 Arts 33–34).
          clue: { select: { source: true, receivedOn: true } },
        },
      },
    },
  });
  if (!rec) return null;
  // 建议规定 Art 7: numbered on approval; a draft or a request still pending cannot be issued.
  if (!rec.number || rec.status === "draft" || rec.status === "pending_approval") {
    throw new DomainError("documentsHearing.error.recommendationNotApproved", 409);
  }
  // 规则 Art 75: a recommendation is addressed to the agency; a case without one has no addressee.
  const agency = rec.case.respondentAgency?.name;
  if (!agency) throw new DomainError("documentsHearing.error.recommendationNoAgency", 409);
  return { ...rec, number: rec.number, agency };
}

export async function loadRecommendation(procuratorateId: string, recommendationId: string): Promise<RecommendationSource | null> {
  const rec = await approvedRecommendation(procuratorateId, recommendationId);
  if (!rec) return null;
  return {
    recommendationId: rec.id,
    number: rec.number,
    agency: rec.agency,
    caseTitle: rec.case.title,
    caseNumber: rec.case.number,
    filedOn: rec.case.filedOn,
    clue: rec.case.clue,
    facts: rec.facts,
    reasons: rec.reasons,
    legalBasis: rec.legalBasis,
    points: rec.points.map((p) => p.text),
    replyPeriod: rec.replyPeriod,
    objectionDays: rec.objectionDays,
    ccList: rec.ccList,
  };
}

export async function loadProofOfService(procuratorateId: string, recommendationId: string): Promise<ProofOfServiceSource | null> {
  const rec = await approvedRecommendation(procuratorateId, recommendationId);
  if (!rec) return null;
  // The service of the letter itself (民诉法 Art 87): the first one recorded, as the reply clock does.
  const service = await prisma.service.findFirst({
    where: { recommendationId: rec.id, documentKind: "recommendation", case: { procuratorateId } },
    orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
    select: { recipient: true, method: true, place: true, servedOn: true, signedBy: true, refusalReason: true, witness: true, serverName: true },
  });
  return { recommendationId: rec.id, documentNumber: rec.number, agency: rec.agency, caseTitle: rec.case.title, service };
}

export const HEARING_KIND_SOURCES: DocumentSourceEntry[] = [
  sourceEntry(recommendationDefinition, loadRecommendation),
  sourceEntry(proofOfServiceDefinition, loadProofOfService),
];
