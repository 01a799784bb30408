import { dateInShanghai } from "~/domain/deadlines/dates";
import { tallyOpinions } from "~/domain/hearing/majority";
import { countedOpinions, opinionsUnsealed, seatedPanelists } from "~/domain/hearing/opinions";
import type { ParticipantKind } from "~/domain/hearing/states";
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

/** Everything the staff hearing page shows, in a few queries; another procuratorate's → 404. */
export async function getHearing(procuratorateId: string, hearingId: string) {
  const hearing = await prisma.hearing.findFirst({
    where: { id: hearingId, procuratorateId },
    select: {
      id: true,
      title: true,
      purpose: true,
      isPublic: true,
      closedReason: true,
      venue: true,
      startsAt: true,
      endsAt: true,
      status: true,
      announcement: true,
      announcedAt: true,
      contactPhone: true,
      observerSeats: true,
      deliberationSummary: true,
      hostSummary: true,
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
      panelists: {
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
      },
      participants: {
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
      },
      observerRequests: {
        orderBy: { createdAt: "asc" },
        select: { id: true, name: true, organisation: true, status: true, createdAt: true },
      },
      disclosed: {
        orderBy: { disclosedAt: "asc" },
        select: {
          disclosedAt: true,
          evidence: {
            select: {
              id: true,
              ordinal: true,
              title: true,
              kind: true,
              case: { select: { id: true, number: true, title: true } },
            },
          },
        },
      },
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

  const seated = seatedPanelists(hearing.panelists).length;

  // Per case: each panelist's opinion and the tally; recused panelists' opinions do not count.
  const counted = countedOpinions(opinions, hearing.panelists);
  const opinionsByCase = hearing.cases.map((hc) => {
    const list = counted.filter((o) => o.caseId === hc.case.id);
    return { caseId: hc.case.id, tally: tallyOpinions(list), opinions: list };
  });

  // Agency representatives grouped by unit; other participants and observers as they are.
  const agencyGroups = new Map<
    string,
    { unit: string; agencyId: string | null; people: typeof hearing.participants }
  >();
  for (const p of hearing.participants.filter((x) => x.kind === ("agency_representative" satisfies ParticipantKind))) {
    const unit = p.agency?.name ?? p.organisation;
    const group = agencyGroups.get(unit) ?? { unit, agencyId: p.agency?.id ?? null, people: [] };
    group.people.push(p);
    agencyGroups.set(unit, group);
  }

  return {
    hearing,
    seated,
    opinionsOpen: open,
    submittedOpinions: hearing._count.opinions,
    opinionsByCase,
    agencyRepresentatives: [...agencyGroups.values()],
    otherParticipants: hearing.participants.filter((p) => p.kind === ("other" satisfies ParticipantKind)),
    observers: hearing.participants.filter((p) => p.kind === ("observer" satisfies ParticipantKind)),
  };
}
