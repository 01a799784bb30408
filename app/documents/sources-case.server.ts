import { closureDecision } from "~/domain/documents/kinds/closure-decision";
import type { ClosureDecisionSource } from "~/domain/documents/kinds/closure-decision";
import { complaint } from "~/domain/documents/kinds/complaint";
import type { ComplaintSource } from "~/domain/documents/kinds/complaint";
import { consultationMinutes } from "~/domain/documents/kinds/consultation-minutes";
import { courtAppearanceNotice } from "~/domain/documents/kinds/court-appearance-notice";
import type { CourtAppearanceNoticeSource } from "~/domain/documents/kinds/court-appearance-notice";
import type { ConsultationSource } from "~/domain/documents/kinds/case-common";
import { courtOf } from "~/domain/documents/kinds/case-common";
import { evidenceList } from "~/domain/documents/kinds/evidence-list";
import type { EvidenceListSource } from "~/domain/documents/kinds/evidence-list";
import { evidenceRequest } from "~/domain/documents/kinds/evidence-request";
import type { EvidenceRequestSource } from "~/domain/documents/kinds/evidence-request";
import { factConfirmation } from "~/domain/documents/kinds/fact-confirmation";
import { resumptionDecision } from "~/domain/documents/kinds/resumption-decision";
import type { ResumptionDecisionSource } from "~/domain/documents/kinds/resumption-decision";
import { suspensionDecision } from "~/domain/documents/kinds/suspension-decision";
import type { SuspensionDecisionSource } from "~/domain/documents/kinds/suspension-decision";
import { closureGroundArticle } from "~/domain/case/closure-grounds";
import { EXHIBIT_ITEMS_MAX, exhibitLines } from "~/domain/evidence/exhibit-list";
import { evidenceKindName } from "~/domain/documents/kinds/case-common";
import { filingDecision } from "~/domain/documents/kinds/filing-decision";
import type { FilingDecisionSource } from "~/domain/documents/kinds/filing-decision";
import { notFilingDecision } from "~/domain/documents/kinds/not-filing-decision";
import type { NotFilingDecisionSource } from "~/domain/documents/kinds/not-filing-decision";
import type { KindDefinition } from "~/domain/documents/spec";
import { parseStoredApprovalPayload } from "~/domain/approval/payloads";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { prisma } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import type { DocumentSourceEntry } from "./registry.server";

// The loaders of the kinds generated from a case, a clue or a consultation, each paired with its
// definition through sourceEntry. Every read is scoped to the procuratorate (null: not in scope,
// the caller answers 404); a document that cannot be made yet throws DomainError 409 with a
// documentsCase.error.* key. Agency- and court-facing loaders never select the clue's informant
// (informantName/Phone/IdNumber; 个人信息保护法 Arts 33–34).

/** The reason of the approval behind a transition (typed payload), else the transition's own reason. */
function reasonOf(
  kind: "filing" | "not_filing" | "suspension" | "resumption",
  transition: { reason: string | null; approval: { payload: string | null } | null },
): string | null {
  const payload = transition.approval ? parseStoredApprovalPayload(kind, transition.approval.payload) : null;
  return payload?.reason?.trim() || transition.reason?.trim() || null;
}

export async function loadFilingDecision(procuratorateId: string, caseId: string): Promise<FilingDecisionSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      number: true,
      title: true,
      summary: true,
      filedOn: true,
      respondentAgency: { select: { name: true } },
      // The kind of source only: never the informant.
      clue: { select: { source: true } },
      transitions: {
        where: { toState: "filed" },
        orderBy: { at: "desc" },
        take: 1,
        select: { reason: true, approval: { select: { payload: true } } },
      },
    },
  });
  if (!found) return null;
  const filed = found.transitions[0];
  // 规则 Art 30: the 立案决定书 follows the chief's decision to file.
  if (!filed || !found.filedOn || !found.number) throw new DomainError("documentsCase.error.notFiled", 409);
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    summary: found.summary,
    agencyName: found.respondentAgency?.name ?? null,
    clueSource: found.clue?.source ?? null,
    filedOn: found.filedOn,
    reason: reasonOf("filing", filed),
  };
}

export async function loadNotFilingDecision(procuratorateId: string, clueId: string): Promise<NotFilingDecisionSource | null> {
  const clue = await prisma.clue.findFirst({
    where: { id: clueId, procuratorateId },
    select: { number: true, source: true, receivedOn: true, summary: true, location: true, status: true, evaluation: true },
  });
  if (!clue) return null;
  // 规则 Art 30: the decision not to file is the chief's, recorded on a case proposed from the clue.
  const decided = await prisma.case.findFirst({
    where: { clueId, procuratorateId, state: "not_filed" },
    orderBy: { updatedAt: "desc" },
    select: {
      title: true,
      respondentAgency: { select: { name: true } },
      transitions: {
        where: { toState: "not_filed" },
        orderBy: { at: "desc" },
        take: 1,
        select: { at: true, reason: true, approval: { select: { payload: true } } },
      },
    },
  });
  const transition = decided?.transitions[0];
  if (clue.status !== "not_filed" || !decided || !transition) throw new DomainError("documentsCase.error.clueNotDecided", 409);
  return {
    clueNumber: clue.number,
    clueSource: clue.source,
    receivedOn: clue.receivedOn,
    clueSummary: clue.summary,
    location: clue.location,
    caseTitle: decided.title,
    agencyName: decided.respondentAgency?.name ?? null,
    evaluation: clue.evaluation,
    reason: reasonOf("not_filing", transition) ?? clue.evaluation ?? "",
    decidedOn: dateInShanghai(transition.at),
  };
}

/**
 * registry.server.ts's sourceEntry, typed the same way. Not imported from there: the registry
 * imports this module's list, so a value import back would be circular (whichever module loads
 * first would see the other's exports uninitialised).
 */
function sourceEntry<Source>(
  definition: KindDefinition<Source>,
  load: (procuratorateId: string, subjectId: string) => Promise<Source | null>,
): DocumentSourceEntry {
  return { definition, load } as unknown as DocumentSourceEntry;
}

// ── consultation (规则 Art 70) ──

async function loadConsultation(procuratorateId: string, consultationId: string) {
  const found = await prisma.consultation.findFirst({
    where: { id: consultationId, case: { procuratorateId } },
    select: {
      heldOn: true,
      method: true,
      place: true,
      attendees: true,
      facts: true,
      agencyPosition: true,
      rectificationPlan: true,
      minutes: true,
      // The case and its agency: never the clue (and so never its informant).
      case: { select: { number: true, title: true, respondentAgency: { select: { name: true } } } },
    },
  });
  if (!found) return null;
  const agencyName = found.case.respondentAgency?.name;
  if (!agencyName) throw new DomainError("documentsCase.error.noRespondent", 409);
  const source: ConsultationSource = {
    caseNumber: found.case.number,
    caseTitle: found.case.title,
    agencyName,
    method: found.method,
    heldOn: found.heldOn,
    place: found.place,
    attendees: found.attendees,
    facts: found.facts,
    agencyPosition: found.agencyPosition,
    rectificationPlan: found.rectificationPlan,
    minutes: found.minutes,
  };
  return source;
}

export async function loadFactConfirmation(procuratorateId: string, consultationId: string): Promise<ConsultationSource | null> {
  const source = await loadConsultation(procuratorateId, consultationId);
  // 规则 Art 70(2): a 事实确认书 is one way of consulting; a meeting is minuted instead.
  if (source && source.method !== "fact_confirmation") throw new DomainError("documentsCase.error.notFactConfirmation", 409);
  return source;
}

export async function loadConsultationMinutes(procuratorateId: string, consultationId: string): Promise<ConsultationSource | null> {
  const source = await loadConsultation(procuratorateId, consultationId);
  // 规则 Art 70(2): the consultation forms minutes or a record in writing.
  if (source && !source.minutes?.trim()) throw new DomainError("documentsCase.error.noMinutes", 409);
  return source;
}

// ── evidence (规则 Arts 34–38) ──

export async function loadEvidenceRequest(procuratorateId: string, caseId: string): Promise<EvidenceRequestSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      number: true,
      title: true,
      respondentAgency: { select: { name: true } },
      procuratorate: { select: { phone: true } },
      leadProsecutor: { select: { id: true, displayName: true } },
      members: { select: { role: true, user: { select: { id: true, displayName: true } } } },
      // The items an agency hands over (EvidenceSource agency_handover, 规则 Art 38).
      evidence: {
        where: { source: "agency_handover" },
        orderBy: { ordinal: "asc" },
        take: EXHIBIT_ITEMS_MAX,
        select: { ordinal: true, title: true, kind: true, isOriginal: true, description: true, containsPersonal: true },
      },
    },
  });
  if (!found) return null;
  const agencyName = found.respondentAgency?.name;
  if (!agencyName) throw new DomainError("documentsCase.error.noRespondent", 409);
  if (!found.evidence.length) throw new DomainError("documentsCase.error.noRequestedItems", 409);
  // 规则 Art 36: two staff or more; the lead first, then the team (prosecutors, assistants).
  const order: Record<string, number> = { lead: 0, prosecutor: 1, assistant: 2, clerk: 3 };
  const team = [...found.members].sort((a, b) => (order[a.role] ?? 9) - (order[b.role] ?? 9)).map((m) => m.user);
  const staff = [found.leadProsecutor, ...team].filter((u, i, all) => all.findIndex((v) => v.id === u.id) === i);
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    agencyName,
    staff: staff.map((u) => u.displayName),
    phone: found.procuratorate.phone,
    items: found.evidence,
  };
}

export async function loadEvidenceList(procuratorateId: string, caseId: string): Promise<EvidenceListSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: { id: true, number: true, title: true, respondentAgency: { select: { name: true } } },
  });
  if (!found) return null;
  const total = await prisma.evidence.count({ where: { caseId: found.id } });
  if (total === 0) throw new DomainError("documentsCase.error.noEvidence", 409);
  // A cut list is never passed off as complete (app/models/exhibit-list.server.ts).
  if (total > EXHIBIT_ITEMS_MAX) throw new DomainError("documentsCase.error.evidenceTruncated", 409);
  const items = await prisma.evidence.findMany({
    where: { caseId: found.id },
    orderBy: { ordinal: "asc" },
    select: {
      ordinal: true,
      kind: true,
      title: true,
      collectedOn: true,
      collectedPlace: true,
      isOriginal: true,
      otherCollectors: true,
      containsPersonal: true,
      collectors: { select: { user: { select: { displayName: true } } } },
      files: {
        select: { id: true, originalName: true, sha256: true, size: true, mimeType: true, redactionOfId: true, createdAt: true },
      },
    },
  });
  const personal = new Map(items.map((i) => [i.ordinal, i.containsPersonal]));
  const lines = exhibitLines(
    items.map(({ collectors, containsPersonal: _p, ...i }) => ({ ...i, collectors: collectors.map((c) => c.user) })),
    evidenceKindName,
  );
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    agencyName: found.respondentAgency?.name ?? null,
    lines: lines.map((l) => ({
      number: l.number,
      kind: l.kind,
      title: l.title,
      collectedOn: l.collectedOn,
      collectedPlace: l.collectedPlace,
      isOriginal: l.isOriginal,
      collectors: l.collectors,
      containsPersonal: personal.get(l.number) ?? false,
      files: l.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.size, redactionOf: f.redactionOf })),
    })),
  };
}

// ── suspension and resumption (规则 Art 78) ──

/** The case with its issued recommendation (latest) and the next-higher procuratorate. */
async function caseForDecision(procuratorateId: string, caseId: string) {
  return prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      number: true,
      title: true,
      filedOn: true,
      respondentAgency: { select: { name: true } },
      procuratorate: { select: { parent: { select: { name: true } } } },
      recommendations: {
        where: { number: { not: null } },
        orderBy: { issuedOn: "desc" },
        take: 1,
        select: { number: true, issuedOn: true },
      },
    },
  });
}

export async function loadSuspensionDecision(procuratorateId: string, caseId: string): Promise<SuspensionDecisionSource | null> {
  const found = await caseForDecision(procuratorateId, caseId);
  if (!found) return null;
  const suspended = await prisma.caseTransition.findFirst({
    where: { caseId, toState: "suspended", approvalId: { not: null } },
    orderBy: { at: "desc" },
    select: { at: true, reason: true, approval: { select: { payload: true } } },
  });
  // 规则 Art 78: suspension needs the chief's approval.
  if (!suspended) throw new DomainError("documentsCase.error.notSuspended", 409);
  const rec = found.recommendations[0];
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    agencyName: found.respondentAgency?.name ?? null,
    recommendationNumber: rec?.number ?? null,
    recommendationIssuedOn: rec?.issuedOn ?? null,
    reason: reasonOf("suspension", suspended) ?? "",
    suspendedOn: dateInShanghai(suspended.at),
    filedWith: found.procuratorate.parent?.name ?? null,
  };
}

export async function loadResumptionDecision(procuratorateId: string, caseId: string): Promise<ResumptionDecisionSource | null> {
  const found = await caseForDecision(procuratorateId, caseId);
  if (!found) return null;
  // 规则 Art 78: review resumes (back to the state it was suspended from, lifecycle.ts) once the cause is gone.
  const resumed = await prisma.caseTransition.findFirst({
    where: { caseId, fromState: "suspended" },
    orderBy: { at: "desc" },
    select: { at: true, reason: true, approval: { select: { payload: true } } },
  });
  if (!resumed) throw new DomainError("documentsCase.error.notResumed", 409);
  const suspended = await prisma.caseTransition.findFirst({
    where: { caseId, toState: "suspended", at: { lte: resumed.at } },
    orderBy: { at: "desc" },
    select: { at: true, reason: true, approval: { select: { payload: true } } },
  });
  if (!suspended) throw new DomainError("documentsCase.error.notResumed", 409);
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    agencyName: found.respondentAgency?.name ?? null,
    suspendedOn: dateInShanghai(suspended.at),
    suspensionReason: reasonOf("suspension", suspended),
    reason: reasonOf("resumption", resumed) ?? "",
    resumedOn: dateInShanghai(resumed.at),
    filedWith: found.procuratorate.parent?.name ?? null,
  };
}

// ── closure (规则 Arts 74, 80) ──

export async function loadClosureDecision(procuratorateId: string, caseId: string): Promise<ClosureDecisionSource | null> {
  const found = await caseForDecision(procuratorateId, caseId);
  if (!found) return null;
  const closed = await prisma.caseTransition.findFirst({
    where: { caseId, toState: "closed" },
    orderBy: { at: "desc" },
    select: { at: true, approval: { select: { payload: true } } },
  });
  // 规则 Art 74(2): closure is the chief's decision (an approval), not the end of a lawsuit.
  if (!closed?.approval) throw new DomainError("documentsCase.error.notClosed", 409);
  const payload = parseStoredApprovalPayload("closure", closed.approval.payload);
  if (!payload || !closureGroundArticle(payload.ground)) throw new DomainError("documentsCase.error.noClosureGround", 409);
  const agencyName = found.respondentAgency?.name;
  if (!agencyName) throw new DomainError("documentsCase.error.noRespondent", 409);
  const followUp = await prisma.followUp.findFirst({
    where: { caseId },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
    select: { findings: true },
  });
  const rec = found.recommendations[0];
  return {
    caseNumber: found.number,
    caseTitle: found.title,
    agencyName,
    filedOn: found.filedOn,
    recommendationNumber: rec?.number ?? null,
    recommendationIssuedOn: rec?.issuedOn ?? null,
    ground: payload.ground,
    reason: payload.reason,
    findings: followUp?.findings ?? null,
    closedOn: dateInShanghai(closed.at),
  };
}

// ── suit (规则 Arts 46, 49, 81) ──

export async function loadComplaint(procuratorateId: string, caseId: string): Promise<ComplaintSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      title: true,
      state: true,
      summary: true,
      procuratorate: { select: { name: true, address: true } },
      respondentAgency: { select: { name: true, address: true, head: true } },
      recommendations: {
        where: { number: { not: null } },
        orderBy: { issuedOn: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          issuedOn: true,
          facts: true,
          reasons: true,
          legalBasis: true,
          points: { orderBy: { ordinal: "asc" }, select: { text: true } },
          services: { orderBy: { servedOn: "asc" }, take: 1, select: { servedOn: true } },
        },
      },
    },
  });
  if (!found) return null;
  // 规则 Arts 47, 81: the complaint is drawn up in pre-suit review and filed when the suit is brought.
  if (found.state !== "pre_suit_review" && found.state !== "litigation") throw new DomainError("documentsCase.error.notPreSuit", 409);
  const agency = found.respondentAgency;
  if (!agency) throw new DomainError("documentsCase.error.noRespondent", 409);
  const rec = found.recommendations[0];
  // 规则 Art 81: no suit without the pre-suit recommendation.
  if (!rec?.number) throw new DomainError("documentsCase.error.noRecommendation", 409);
  const [followUp, evidenceCount] = await Promise.all([
    prisma.followUp.findFirst({
      where: { caseId: found.id },
      orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
      select: { findings: true },
    }),
    prisma.evidence.count({ where: { caseId: found.id } }),
  ]);
  return {
    court: courtOf(found.procuratorate.name),
    plaintiffAddress: found.procuratorate.address,
    defendant: { name: agency.name, address: agency.address, head: agency.head },
    caseTitle: found.title,
    summary: found.summary,
    recommendation: {
      number: rec.number,
      issuedOn: rec.issuedOn,
      servedOn: rec.services[0]?.servedOn ?? null,
      facts: rec.facts,
      reasons: rec.reasons,
      legalBasis: rec.legalBasis,
      points: rec.points.map((p) => p.text),
    },
    findings: followUp?.findings ?? null,
    evidenceCount,
  };
}

export async function loadCourtAppearanceNotice(procuratorateId: string, caseId: string): Promise<CourtAppearanceNoticeSource | null> {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: {
      id: true,
      title: true,
      procuratorate: { select: { name: true } },
      respondentAgency: { select: { name: true } },
      members: { select: { role: true, user: { select: { displayName: true, post: true } } } },
      transitions: { where: { toState: "litigation" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
      documents: { where: { kind: "complaint", number: { not: null } }, orderBy: { createdAt: "desc" }, take: 1, select: { number: true } },
    },
  });
  if (!found) return null;
  const sued = found.transitions[0];
  // 规则 Art 49: the procuratorate sends staff to the court in a suit it brought.
  if (!sued) throw new DomainError("documentsCase.error.notInLitigation", 409);
  if (!found.respondentAgency) throw new DomainError("documentsCase.error.noRespondent", 409);
  // 规则 Art 49(3): a prosecutor attends the first-instance court.
  if (!found.members.some((m) => m.role === "lead" || m.role === "prosecutor")) {
    throw new DomainError("documentsCase.error.noProsecutorInCourt", 409);
  }
  return {
    court: courtOf(found.procuratorate.name),
    caseTitle: found.title,
    defendant: found.respondentAgency.name,
    complaintNumber: found.documents[0]?.number ?? null,
    suedOn: dateInShanghai(sued.at),
    members: found.members.map((m) => ({ name: m.user.displayName, role: m.role, post: m.user.post })),
  };
}

export const CASE_KIND_SOURCES: DocumentSourceEntry[] = [
  sourceEntry(filingDecision, loadFilingDecision),
  sourceEntry(notFilingDecision, loadNotFilingDecision),
  sourceEntry(factConfirmation, loadFactConfirmation),
  sourceEntry(consultationMinutes, loadConsultationMinutes),
  sourceEntry(evidenceRequest, loadEvidenceRequest),
  sourceEntry(evidenceList, loadEvidenceList),
  sourceEntry(suspensionDecision, loadSuspensionDecision),
  sourceEntry(resumptionDecision, loadResumptionDecision),
  sourceEntry(closureDecision, loadClosureDecision),
  sourceEntry(complaint, loadComplaint),
  sourceEntry(courtAppearanceNotice, loadCourtAppearanceNotice),
];
