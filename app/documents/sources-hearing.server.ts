import { proofOfServiceDefinition } from "~/domain/documents/kinds/proof-of-service";
import type { ProofOfServiceSource } from "~/domain/documents/kinds/proof-of-service";
import { recommendationDefinition } from "~/domain/documents/kinds/recommendation";
import type { RecommendationSource } from "~/domain/documents/kinds/recommendation";
import { hearingAnnouncementDefinition } from "~/domain/documents/kinds/hearing-announcement";
import type { HearingAnnouncementSource } from "~/domain/documents/kinds/hearing-announcement";
import { parseSeatSubjectId } from "~/domain/documents/kinds/hearing-common";
import { hearingNoticeDefinition } from "~/domain/documents/kinds/hearing-notice";
import type { HearingNoticeSource } from "~/domain/documents/kinds/hearing-notice";
import { hearingRecordDefinition } from "~/domain/documents/kinds/hearing-record";
import type { HearingRecordSource } from "~/domain/documents/kinds/hearing-record";
import { panelOpinionFormDefinition } from "~/domain/documents/kinds/panel-opinion-form";
import type { PanelOpinionFormSource } from "~/domain/documents/kinds/panel-opinion-form";
import { panelistInvitationDefinition } from "~/domain/documents/kinds/panelist-invitation";
import type { PanelistInvitationSource } from "~/domain/documents/kinds/panelist-invitation";
import { opinionsUnsealed } from "~/domain/hearing/opinions";
import { getHearingRecord } from "~/models/hearing-record.server";
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

// ── hearings ──

const HOST = { select: { displayName: true, post: true } } as const;
const CANCELLED = "cancelled";

function refuseCancelled(status: string) {
  if (status === CANCELLED) throw new DomainError("documentsHearing.error.hearingCancelled", 409);
}

/**
 * The people whose names a public text of the hearing must not show (DOMAIN.md §5): its
 * participants, panelists and observers, and the informants of its cases' clues (read only to mask
 * them, as the public pages do).
 */
async function redactionNames(hearingId: string): Promise<string[]> {
  const where = { hearingId };
  const [participants, panelists, observers, cases] = await Promise.all([
    prisma.hearingParticipant.findMany({ where, select: { name: true } }),
    prisma.hearingPanelist.findMany({ where, select: { panelist: { select: { name: true } } } }),
    prisma.hearingObserverRequest.findMany({ where, select: { name: true } }),
    prisma.hearingCase.findMany({ where, select: { case: { select: { clue: { select: { informantName: true } } } } } }),
  ]);
  return [
    ...participants.map((p) => p.name),
    ...panelists.map((p) => p.panelist.name),
    ...observers.map((o) => o.name),
    ...cases.flatMap((c) => c.case.clue?.informantName ?? []),
  ];
}

/** The participating units: the agencies of the cases heard in the cases' order, then the others. */
function unitsInCaseOrder(respondents: (string | null)[], participants: { organisation: string; agencyId: string | null }[]): string[] {
  const rank = (agencyId: string | null) => {
    const i = agencyId ? respondents.indexOf(agencyId) : -1;
    return i === -1 ? respondents.length : i;
  };
  return participants.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.agencyId) - rank(b.p.agencyId) || a.i - b.i).map(({ p }) => p.organisation);
}

export async function loadHearingAnnouncement(procuratorateId: string, hearingId: string): Promise<HearingAnnouncementSource | null> {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      title: true,
      purpose: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      isPublic: true,
      status: true,
      observerSeats: true,
      contactPhone: true,
      host: HOST,
      procuratorate: { select: { phone: true } },
      cases: { orderBy: { ordinal: "asc" }, select: { case: { select: { title: true, respondentAgencyId: true } } } },
      panelists: { where: { recused: false }, orderBy: [{ invitedAt: "asc" }, { panelistId: "asc" }], select: { panelist: { select: { category: true } } } },
      participants: { where: { kind: { not: "observer" } }, orderBy: [{ kind: "asc" }, { organisation: "asc" }], select: { organisation: true, agencyId: true } },
    },
  });
  if (!h) return null;
  // 听证规定 Arts 5, 10(4): only a public hearing is announced.
  if (!h.isPublic) throw new DomainError("documentsHearing.error.hearingNotPublic", 409);
  refuseCancelled(h.status);
  const contactPhone = h.contactPhone ?? h.procuratorate.phone;
  return {
    hearingId: h.id,
    title: h.title,
    purpose: h.purpose,
    caseTitles: h.cases.map((c) => c.case.title),
    venue: h.venue,
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    host: h.host.displayName,
    panelCategories: h.panelists.map((p) => p.panelist.category),
    organisations: unitsInCaseOrder(h.cases.map((c) => c.case.respondentAgencyId), h.participants),
    observerSeats: h.observerSeats,
    contactPhone,
    redaction: { names: await redactionNames(h.id), keepPhones: [h.contactPhone, h.procuratorate.phone] },
  };
}

/** The hearing fields a notice and an invitation print. */
const NOTICE_HEARING = {
  id: true,
  title: true,
  venue: true,
  startsAt: true,
  endsAt: true,
  isPublic: true,
  closedReason: true,
  status: true,
  contactPhone: true,
  host: HOST,
  procuratorate: { select: { phone: true } },
  cases: {
    orderBy: { ordinal: "asc" },
    select: { ordinal: true, issues: true, case: { select: { title: true, respondentAgencyId: true, respondentAgency: { select: { name: true } } } } },
  },
} as const;

function noticeHearing(h: {
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date | null;
  isPublic: boolean;
  closedReason: string | null;
  contactPhone: string | null;
  host: { displayName: string; post: string | null };
  procuratorate: { phone: string | null };
}) {
  return {
    title: h.title,
    venue: h.venue,
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    isPublic: h.isPublic,
    closedReason: h.isPublic ? null : h.closedReason,
    host: { name: h.host.displayName, post: h.host.post },
    contactPhone: h.contactPhone ?? h.procuratorate.phone,
  };
}

export async function loadHearingNotice(procuratorateId: string, participantId: string): Promise<HearingNoticeSource | null> {
  const p = await prisma.hearingParticipant.findFirst({
    where: { id: participantId, hearing: { procuratorateId } },
    select: {
      id: true,
      kind: true,
      agencyId: true,
      organisation: true,
      name: true,
      post: true,
      hearing: {
        select: {
          ...NOTICE_HEARING,
          // Names and categories only (听证规定 Art 10): never a panelist's phone.
          panelists: { where: { recused: false }, orderBy: [{ invitedAt: "asc" }, { panelistId: "asc" }], select: { panelist: { select: { name: true, category: true } } } },
        },
      },
    },
  });
  if (!p) return null;
  if (p.kind === "observer") throw new DomainError("documentsHearing.error.participantIsObserver", 409);
  refuseCancelled(p.hearing.status);
  const own = p.agencyId ? p.hearing.cases.filter((c) => c.case.respondentAgencyId === p.agencyId) : [];
  const heard = own.length ? own : p.hearing.cases;
  return {
    participantId: p.id,
    organisation: p.organisation,
    name: p.name,
    post: p.post,
    hearing: noticeHearing(p.hearing),
    issues: heard.map((c) => ({ caseTitle: c.case.title, issues: c.issues })),
    panelists: p.hearing.panelists.map((s) => s.panelist),
  };
}

/** A seat in scope, or null: the subject id names the hearing and the panelist (seatSubjectId). */
async function seatInScope(procuratorateId: string, seatId: string) {
  const ids = parseSeatSubjectId(seatId);
  if (!ids) return null;
  const seat = await prisma.hearingPanelist.findFirst({
    where: { hearingId: ids.hearingId, panelistId: ids.panelistId, hearing: { procuratorateId }, panelist: { procuratorateId } },
    select: {
      hearingId: true,
      panelistId: true,
      recused: true,
      panelist: { select: { name: true, category: true, workUnit: true } },
    },
  });
  if (!seat) return null;
  // 规则 Art 19; 听证规定 Art 7: a recused panelist no longer sits.
  if (seat.recused) throw new DomainError("documentsHearing.error.seatRecused", 409);
  return seat;
}

export async function loadPanelistInvitation(procuratorateId: string, seatId: string): Promise<PanelistInvitationSource | null> {
  const seat = await seatInScope(procuratorateId, seatId);
  if (!seat) return null;
  const h = await prisma.hearing.findFirst({ where: { id: seat.hearingId, procuratorateId }, select: NOTICE_HEARING });
  if (!h) return null;
  refuseCancelled(h.status);
  return {
    hearingId: seat.hearingId,
    panelistId: seat.panelistId,
    panelist: seat.panelist.name,
    hearing: noticeHearing(h),
    cases: h.cases.map((c) => ({ ordinal: c.ordinal, title: c.case.title, respondent: c.case.respondentAgency?.name ?? null, issues: c.issues })),
  };
}

export async function loadPanelOpinionForm(procuratorateId: string, seatId: string): Promise<PanelOpinionFormSource | null> {
  const seat = await seatInScope(procuratorateId, seatId);
  if (!seat) return null;
  const h = await prisma.hearing.findFirst({
    where: { id: seat.hearingId, procuratorateId },
    select: {
      title: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      deliberationClosedAt: true,
      cases: {
        orderBy: { ordinal: "asc" },
        select: { ordinal: true, case: { select: { id: true, number: true, title: true, respondentAgency: { select: { name: true } } } } },
      },
    },
  });
  if (!h) return null;
  refuseCancelled(h.status);
  const { cases, ...hearing } = h;
  // The one sealing rule: the opinions are not even read before deliberation is closed.
  const opinions = opinionsUnsealed(hearing)
    ? await prisma.panelOpinion.findMany({
        where: { hearingId: seat.hearingId, panelistId: seat.panelistId, hearing: { procuratorateId } },
        select: { caseId: true, stance: true, reasons: true, conditions: true, signedName: true },
      })
    : [];
  return {
    hearingId: seat.hearingId,
    panelistId: seat.panelistId,
    hearing,
    panelist: seat.panelist,
    cases: cases.map((c) => ({ id: c.case.id, ordinal: c.ordinal, number: c.case.number, title: c.case.title, respondent: c.case.respondentAgency?.name ?? null })),
    opinions,
  };
}

/** Hearings with a record: from the opening of the session on (听证规定 Art 14). */
const RECORDED_STATUSES = ["in_progress", "deliberating", "concluded"];

export async function loadHearingRecord(procuratorateId: string, hearingId: string): Promise<HearingRecordSource | null> {
  const h = await prisma.hearing.findFirst({ where: { id: hearingId, procuratorateId }, select: { id: true, status: true } });
  if (!h) return null;
  refuseCancelled(h.status);
  if (!RECORDED_STATUSES.includes(h.status)) throw new DomainError("documentsHearing.error.hearingNotStarted", 409);
  return getHearingRecord(procuratorateId, h.id);
}

export const HEARING_KIND_SOURCES: DocumentSourceEntry[] = [
  sourceEntry(hearingAnnouncementDefinition, loadHearingAnnouncement),
  sourceEntry(hearingNoticeDefinition, loadHearingNotice),
  sourceEntry(panelistInvitationDefinition, loadPanelistInvitation),
  sourceEntry(hearingRecordDefinition, loadHearingRecord),
  sourceEntry(panelOpinionFormDefinition, loadPanelOpinionForm),
  sourceEntry(recommendationDefinition, loadRecommendation),
  sourceEntry(proofOfServiceDefinition, loadProofOfService),
];
