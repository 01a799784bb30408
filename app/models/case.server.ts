import type { CaseListFilter, CaseSort } from "~/domain/case/schemas";
import { likePattern, NO_SERIES, PAGE_SIZE } from "~/domain/case/schemas";
import { ACTIVE_STATES } from "~/domain/case/states";
import { addDays, dateInShanghai } from "~/domain/deadlines/dates";
import type { Prisma } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { pageWindow } from "~/utils/pagination";

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
