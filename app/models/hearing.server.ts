import { dateInShanghai } from "~/domain/deadlines/dates";
import { tallyOpinions } from "~/domain/hearing/majority";
import { countedOpinions, opinionsUnsealed, seatedPanelists } from "~/domain/hearing/opinions";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";

// Staff read side of hearings (听证). Every query filters by the procuratorate, so a hearing of
// another procuratorate is "not found".

const listSelect = {
  id: true,
  title: true,
  purpose: true,
  startsAt: true,
  endsAt: true,
  venue: true,
  isPublic: true,
  status: true,
  series: { select: { id: true, name: true } },
  host: { select: { displayName: true } },
  _count: { select: { cases: true, participants: true, observerRequests: true } },
  panelists: { select: { panelistId: true, recused: true } },
} as const;

/**
 * Upcoming hearings (from the start of today in Asia/Shanghai, soonest first) and past ones
 * (latest first). Panelist counts leave out recused seats.
 */
export async function listHearings(procuratorateId: string, now: Date = new Date()) {
  const startOfToday = new Date(`${dateInShanghai(now)}T00:00:00+08:00`);
  const [upcoming, past] = await Promise.all([
    prisma.hearing.findMany({
      where: { procuratorateId, startsAt: { gte: startOfToday } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: listSelect,
    }),
    prisma.hearing.findMany({
      where: { procuratorateId, startsAt: { lt: startOfToday } },
      orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      select: listSelect,
    }),
  ]);
  const shape = (h: (typeof upcoming)[number]) => {
    const { panelists, _count, ...rest } = h;
    return {
      ...rest,
      caseCount: _count.cases,
      participantCount: _count.participants,
      observerRequestCount: _count.observerRequests,
      panelistCount: seatedPanelists(panelists).length,
      recusedCount: panelists.length - seatedPanelists(panelists).length,
    };
  };
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

/** Throws 404 unless the hearing belongs to the procuratorate. */
async function assertHearing(procuratorateId: string, hearingId: string) {
  const h = await prisma.hearing.findFirst({ where: { id: hearingId, procuratorateId }, select: { id: true } });
  if (!h) notFound();
  return h.id;
}

// The staff hearing page is nested routes, one concern a tab (app/routes/_staff.hearings.$hearingId.*);
// each tab reads only what it shows, scoped to the procuratorate (another's hearing → 404).

/** The page header and tab bar: what every tab shows above its content. */
export async function getHearingHeader(procuratorateId: string, hearingId: string) {
  const h = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      title: true,
      status: true,
      isPublic: true,
      startsAt: true,
      venue: true,
      _count: {
        select: {
          panelists: true,
          participants: true,
          disclosed: true,
          observerRequests: true,
        },
      },
    },
  });
  if (!h) notFound();
  const pending = await prisma.hearingObserverRequest.count({
    where: { hearingId: h.id, hearing: { procuratorateId }, status: "pending" },
  });
  const { _count, ...hearing } = h;
  return {
    ...hearing,
    counts: {
      panelists: _count.panelists,
      participants: _count.participants,
      disclosed: _count.disclosed,
      observerRequests: _count.observerRequests,
      pendingObserverRequests: pending,
    },
  };
}

/** Overview tab: the hearing's particulars and the cases it hears. */
export async function getHearingOverview(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      purpose: true,
      isPublic: true,
      closedReason: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      announcement: true,
      announcedAt: true,
      contactPhone: true,
      observerSeats: true,
      concludedAt: true,
      series: { select: { id: true, name: true } },
      host: { select: { displayName: true, post: true } },
      clerk: { select: { displayName: true, post: true } },
      cases: {
        orderBy: { ordinal: "asc" },
        select: {
          ordinal: true,
          sessionAt: true,
          issues: true,
          case: {
            select: {
              id: true,
              number: true,
              title: true,
              state: true,
              respondentUnknown: true,
              respondentAgency: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!hearing) notFound();
  return hearing;
}

/** Panel tab: the panelists (听证员), recused ones last, and how many are seated. */
export async function getHearingPanel(procuratorateId: string, hearingId: string) {
  const id = await assertHearing(procuratorateId, hearingId);
  const panelists = await prisma.hearingPanelist.findMany({
    where: { hearingId: id, hearing: { procuratorateId } },
    orderBy: [{ recused: "asc" }, { invitedAt: "asc" }],
    select: {
      panelistId: true,
      invitedAt: true,
      declaredAt: true,
      declaration: true,
      recused: true,
      recusalReason: true,
      attended: true,
      panelist: { select: { name: true, category: true, workUnit: true, title: true } },
    },
  });
  return { panelists, seated: seatedPanelists(panelists).length };
}

/** Participants tab: agency representatives grouped by unit, other participants, invited observers. */
export async function getHearingParticipants(procuratorateId: string, hearingId: string) {
  const id = await assertHearing(procuratorateId, hearingId);
  const participants = await prisma.hearingParticipant.findMany({
    where: { hearingId: id, hearing: { procuratorateId } },
    // Entry order (cuid ids grow with time): the order the hearing plan lists units and people.
    orderBy: [{ kind: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      organisation: true,
      name: true,
      post: true,
      attended: true,
      agency: { select: { id: true, name: true } },
    },
  });
  const agencyGroups = new Map<string, { unit: string; agencyId: string | null; people: typeof participants }>();
  for (const p of participants.filter((x) => x.kind === "agency_representative")) {
    const unit = p.agency?.name ?? p.organisation;
    const group = agencyGroups.get(unit) ?? { unit, agencyId: p.agency?.id ?? null, people: [] };
    group.people.push(p);
    agencyGroups.set(unit, group);
  }
  return {
    agencyRepresentatives: [...agencyGroups.values()],
    otherParticipants: participants.filter((p) => p.kind === "other"),
    observers: participants.filter((p) => p.kind === "observer"),
  };
}

// Evidence tab: app/models/evidence-disclosure.server.ts (getDisclosureForm, applyDisclosure).

/**
 * Opinions tab: sealed until the hearing concludes; then per case each seated panelist's opinion
 * and the tally (recused panelists' opinions do not count), with the summaries of the record.
 */
export async function getHearingOpinions(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      status: true,
      concludedAt: true,
      deliberationClosedAt: true,
      deliberationSummary: true,
      hostSummary: true,
      cases: {
        orderBy: { ordinal: "asc" },
        select: { ordinal: true, proposedHandling: true, proposal: true, case: { select: { id: true, number: true, title: true } } },
      },
      panelists: { select: { panelistId: true, recused: true } },
      _count: { select: { opinions: true } },
    },
  });
  if (!hearing) notFound();

  // One rule for staff and panel portal (app/domain/hearing/opinions.ts).
  const open = opinionsUnsealed(hearing);
  const opinions = open
    ? await prisma.panelOpinion.findMany({
        where: { hearingId: hearing.id, hearing: { procuratorateId } },
        orderBy: [{ submittedAt: "asc" }],
        select: {
          caseId: true,
          panelistId: true,
          stance: true,
          reasons: true,
          conditions: true,
          signedName: true,
          submittedAt: true,
          panelist: { select: { name: true, category: true } },
        },
      })
    : [];

  // Per case: each panelist's opinion and the tally; recused panelists' opinions do not count.
  const counted = countedOpinions(opinions, hearing.panelists);
  const opinionsByCase = hearing.cases.map((hc) => {
    const list = counted.filter((o) => o.caseId === hc.case.id);
    return { caseId: hc.case.id, tally: tallyOpinions(list), opinions: list };
  });
  return {
    cases: hearing.cases,
    deliberationSummary: open ? hearing.deliberationSummary : null,
    hostSummary: open ? hearing.hostSummary : null,
    opinionsOpen: open,
    submittedOpinions: hearing._count.opinions,
    opinionsByCase,
  };
}
