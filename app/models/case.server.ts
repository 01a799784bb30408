import type { CaseListFilter, CaseSort } from "~/domain/case/schemas";
import { likePattern, NO_SERIES, PAGE_SIZE } from "~/domain/case/schemas";
import { ACTIVE_STATES } from "~/domain/case/states";
import { addDays, dateInShanghai } from "~/domain/deadlines/dates";
import { informantView, mayRevealCaseInformant } from "~/domain/privacy/mask";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import { pageWindow } from "~/utils/pagination";
import type { ReplyStatus } from "~/domain/recommendation/reply";

// Read side of cases for the staff area. Every function takes the procuratorate first and filters
// by it, so a case of another procuratorate is "not found" (DESIGN.md: scope in the query).

/**
 * Ids of the procuratorate's cases whose 案由, number or respondent agency name contains `term`
 * literally. Prisma's `contains` cannot escape LIKE wildcards on SQLite (SQLite's LIKE has no
 * default escape character), so this one query is raw SQL with an explicit ESCAPE clause.
 * On PostgreSQL the same statement works with ILIKE in place of LIKE.
 */
export async function searchCaseIds(procuratorateId: string, term: string): Promise<string[]> {
  const pattern = likePattern(term);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c."id" AS id
    FROM "Case" c
    LEFT JOIN "Agency" a ON a."id" = c."respondentAgencyId" AND a."procuratorateId" = c."procuratorateId"
    WHERE c."procuratorateId" = ${procuratorateId}
      AND (c."title" LIKE ${pattern} ESCAPE '\\'
        OR c."number" LIKE ${pattern} ESCAPE '\\'
        OR a."name" LIKE ${pattern} ESCAPE '\\'
        OR a."shortName" LIKE ${pattern} ESCAPE '\\')`;
  return rows.map((r) => r.id);
}

function listWhere(
  procuratorateId: string,
  filter: CaseListFilter,
  ids: string[] | null,
  today: string
): Prisma.CaseWhereInput {
  const where: Prisma.CaseWhereInput = { procuratorateId };
  if (filter.agency) where.respondentAgencyId = filter.agency;
  if (filter.lead) where.leadProsecutorId = filter.lead;
  // Case.nextDueOn is the stored earliest running due date (app/models/deadline.server.ts).
  if (filter.due === "overdue") where.nextDueOn = { lt: today };
  else if (filter.due === "soon") where.nextDueOn = { gte: today, lte: addDays(today, filter.within) };
  if (filter.state === "active") where.state = { in: [...ACTIVE_STATES] };
  else if (filter.state) where.state = filter.state;
  if (filter.field) where.field = filter.field;
  if (filter.series === NO_SERIES) where.seriesId = null;
  else if (filter.series) where.seriesId = filter.series;
  if (ids) where.id = { in: ids };
  return where;
}

const LIST_ORDER: Record<CaseSort, Prisma.CaseOrderByWithRelationInput[]> = {
  updated: [{ updatedAt: "desc" }, { id: "asc" }],
  number: [{ number: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  due: [{ nextDueOn: { sort: "asc", nulls: "last" } }, { updatedAt: "desc" }, { id: "asc" }],
};

/** The agencies and prosecutors the list can be filtered by. */
export async function caseFilterOptions(procuratorateId: string) {
  const [agencies, prosecutors] = await Promise.all([
    prisma.agency.findMany({
      where: { procuratorateId, cases: { some: {} } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { procuratorateId, ledCases: { some: {} } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true, displayName: true },
    }),
  ]);
  return { agencies, prosecutors };
}

/** The work list: filtered, most recently updated first, PAGE_SIZE a page (page clamped to the last). */
export async function listCases(procuratorateId: string, filter: CaseListFilter, today: string = dateInShanghai()) {
  const ids = filter.q ? await searchCaseIds(procuratorateId, filter.q) : null;
  const where = listWhere(procuratorateId, filter, ids, today);
  const total = ids && ids.length === 0 ? 0 : await prisma.case.count({ where });
  const { page, pages, skip, take } = pageWindow(total, filter.page, PAGE_SIZE);
  const items =
    total === 0
      ? []
      : await prisma.case.findMany({
          where,
          orderBy: LIST_ORDER[filter.sort],
          skip,
          take,
          select: {
            id: true,
            number: true,
            nextDueOn: true,
            title: true,
            field: true,
            state: true,
            urgent: true,
            filedOn: true,
            updatedAt: true,
            respondentUnknown: true,
            respondentAgency: { select: { name: true } },
            leadProsecutor: { select: { displayName: true } },
            series: { select: { id: true, name: true } },
          },
        });
  return { items, total, page, pages, pageSize: PAGE_SIZE };
}

/**
 * The numbers above the work list, in three queries: cases per state (with how many active ones
 * are urgent), cases filed this year and cases closed this year (calendar year in Asia/Shanghai).
 */
export async function caseStats(procuratorateId: string, today: string = dateInShanghai()) {
  const year = today.slice(0, 4);
  const inYear = { gte: `${year}-01-01`, lte: `${year}-12-31` };
  const [byState, filedThisYear, closedThisYear] = await Promise.all([
    prisma.case.groupBy({ by: ["state", "urgent"], where: { procuratorateId }, _count: { _all: true } }),
    prisma.case.count({ where: { procuratorateId, filedOn: inYear } }),
    prisma.case.count({ where: { procuratorateId, state: "closed", closedOn: inYear } }),
  ]);
  const perState: Record<string, number> = {};
  let active = 0;
  let urgentActive = 0;
  for (const row of byState) {
    const n = row._count._all;
    perState[row.state] = (perState[row.state] ?? 0) + n;
    if ((ACTIVE_STATES as readonly string[]).includes(row.state)) {
      active += n;
      if (row.urgent) urgentActive += n;
    }
  }
  return {
    year: Number(year),
    active,
    urgentActive,
    rectification: perState.rectification ?? 0,
    followUp: perState.follow_up ?? 0,
    toCourt: (perState.pre_suit_review ?? 0) + (perState.litigation ?? 0),
    filedThisYear,
    closedThisYear,
    perState,
  };
}

/** The series of the procuratorate, for the list filter. */
export function seriesOptions(procuratorateId: string) {
  return prisma.caseSeries.findMany({
    where: { procuratorateId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

const caseDetailSelect = (procuratorateId: string) =>
  ({
    id: true,
    number: true,
    title: true,
    field: true,
    state: true,
    urgent: true,
    summary: true,
    respondentUnknown: true,
    filedOn: true,
    closedOn: true,
    suspendedOn: true,
    createdAt: true,
    updatedAt: true,
    leadProsecutorId: true,
    respondentAgency: { select: { id: true, name: true } },
    leadProsecutor: { select: { id: true, displayName: true, post: true } },
    members: {
      orderBy: { userId: "asc" },
      select: { role: true, user: { select: { id: true, displayName: true, post: true } } },
    },
    clue: {
      select: {
        id: true,
        number: true,
        source: true,
        receivedOn: true,
        informantName: true,
        informantPhone: true,
        informantIdNumber: true,
      },
    },
    series: { select: { id: true, name: true } },
    evidence: {
      orderBy: { ordinal: "asc" },
      select: {
        id: true,
        ordinal: true,
        title: true,
        kind: true,
        collectedOn: true,
        collectedBy: true,
        isOriginal: true,
        containsPersonal: true,
        _count: { select: { files: true, custody: true } },
      },
    },
    consultations: {
      orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        heldOn: true,
        method: true,
        place: true,
        attendees: true,
        facts: true,
        agencyPosition: true,
        rectificationPlan: true,
      },
    },
    hearingCases: {
      where: { hearing: { procuratorateId } },
      orderBy: { hearing: { startsAt: "asc" } },
      select: {
        ordinal: true,
        sessionAt: true,
        issues: true,
        hearing: { select: { id: true, title: true, startsAt: true, status: true, venue: true, isPublic: true } },
      },
    },
    recommendations: {
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        number: true,
        status: true,
        replyPeriod: true,
        issuedOn: true,
        points: { orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, text: true } },
        services: {
          orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            method: true,
            servedOn: true,
            recipient: true,
            signedBy: true,
            agency: { select: { name: true } },
          },
        },
        // A draft is the agency's unsent work; staff see replies once submitted.
        replies: {
          where: { status: { not: "draft" satisfies ReplyStatus } },
          orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
          select: {
            id: true,
            status: true,
            summary: true,
            submittedAt: true,
            agency: { select: { name: true } },
            _count: { select: { attachments: true } },
            answers: { select: { pointId: true, status: true, text: true } },
          },
        },
      },
    },
    // Services of other documents (立案决定书, 终结案件决定书 …); recommendation services are above.
    services: {
      where: { recommendationId: null },
      orderBy: [{ servedOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        documentKind: true,
        documentNumber: true,
        method: true,
        servedOn: true,
        recipient: true,
        agency: { select: { name: true } },
      },
    },
    followUps: {
      orderBy: [{ assessedOn: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        assessedOn: true,
        method: true,
        findings: true,
        conclusion: true,
        disposition: true,
        recommendation: { select: { number: true } },
      },
    },
    approvals: {
      where: { procuratorateId },
      orderBy: [{ requestedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        kind: true,
        subject: true,
        decision: true,
        requestedAt: true,
        decidedAt: true,
        comment: true,
        requestedBy: { select: { displayName: true } },
        decidedBy: { select: { displayName: true } },
      },
    },
    transitions: {
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, fromState: true, toState: true, actorId: true, reason: true, at: true },
    },
    auditEvents: {
      where: { procuratorateId },
      orderBy: { seq: "desc" },
      take: 200,
      select: { seq: true, action: true, entityType: true, at: true, actor: { select: { displayName: true } } },
    },
  }) satisfies Prisma.CaseSelect;

export type TimelineEntry =
  | { kind: "transition"; key: string; at: Date; from: string; to: string; actor: string | null; reason: string | null }
  | { kind: "event"; key: string; at: Date; action: string; entityType: string; actor: string | null };

/**
 * Everything the case page shows, in two queries (the case with its parts, then the names of the
 * users who moved it). The informant of the case's clue comes back masked unless the viewer is on
 * the case team (个人信息保护法 Art 34; DOMAIN.md §5). Reads only: viewing writes nothing.
 */
export async function getCaseDetail(procuratorateId: string, caseId: string, viewerId: string) {
  const found = await prisma.case.findFirst({
    where: { id: caseId, procuratorateId },
    select: caseDetailSelect(procuratorateId),
  });
  if (!found) notFound();

  const actorIds = [...new Set(found.transitions.map((t) => t.actorId))];
  const actors = actorIds.length
    ? await prisma.user.findMany({ where: { id: { in: actorIds }, procuratorateId }, select: { id: true, displayName: true } })
    : [];
  const nameOf = new Map(actors.map((u) => [u.id, u.displayName]));

  const { clue, transitions, auditEvents, recommendations, ...rest } = found;
  const reveal = mayRevealCaseInformant(viewerId, {
    leadProsecutorId: found.leadProsecutorId,
    memberIds: found.members.map((m) => m.user.id),
  });

  // State changes come from CaseTransition (with reason); the audit log adds everything else, so
  // its own "case.transition" rows are left out to avoid listing a move twice.
  const timeline: TimelineEntry[] = [
    ...transitions.map(
      (t): TimelineEntry => ({
        kind: "transition",
        key: `t-${t.id}`,
        at: t.at,
        from: t.fromState,
        to: t.toState,
        actor: nameOf.get(t.actorId) ?? null,
        reason: t.reason,
      }),
    ),
    ...auditEvents
      .filter((e) => e.action !== "case.transition")
      .map(
        (e): TimelineEntry => ({
          kind: "event",
          key: `e-${e.seq}`,
          at: e.at,
          action: e.action,
          entityType: e.entityType,
          actor: e.actor?.displayName ?? null,
        }),
      ),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  return {
    ...rest,
    clue: clue
      ? {
          id: clue.id,
          number: clue.number,
          source: clue.source,
          receivedOn: clue.receivedOn,
          informant: informantView(
            { name: clue.informantName, phone: clue.informantPhone, idNumber: clue.informantIdNumber },
            reveal,
          ),
        }
      : null,
    recommendations: recommendations.map((r) => {
      const ordinalOf = new Map(r.points.map((p) => [p.id, p.ordinal]));
      return {
        ...r,
        replies: r.replies.map((reply) => ({
          ...reply,
          answers: reply.answers
            .map((a) => ({ ordinal: ordinalOf.get(a.pointId) ?? 0, status: a.status, text: a.text }))
            .sort((a, b) => a.ordinal - b.ordinal),
        })),
      };
    }),
    transitions: transitions.map((t) => ({ fromState: t.fromState, toState: t.toState })),
    timeline,
    informantRevealed: reveal,
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;
