import type { CaseListFilter, CaseSort } from "~/domain/case/schemas";
import { defaultSort, NO_SERIES, PAGE_SIZE } from "~/domain/case/schemas";
import { ACTIVE_STATES } from "~/domain/case/states";
import { addDays, dateInShanghai } from "~/domain/deadlines/dates";
import type { SearchTerms } from "~/domain/search/query";
import { hasTerms, parseSearchTerms } from "~/domain/search/query";
import { searchPage } from "~/models/search.server";
import type { Sql } from "~/utils/db.server";
import { prisma, sql, sqlEmpty, sqlJoin, sqlRaw } from "~/utils/db.server";
import type { Cursor, KeyValue } from "~/utils/keyset";
import { keysetPage } from "~/utils/keyset";

// Read side of cases for the staff area. Every function takes the procuratorate first and filters
// by it, so a case of another procuratorate is "not found" (DESIGN.md: scope in the query).
// At a province's 100,000 cases (docs/decisions/0013): the list pages by keyset on an index per
// filter and sort, its numbers come from trigger-kept counters, and search reads the FTS5 index.

type ListRow = {
  id: string;
  number: string | null;
  nextDueOn: string | null;
  title: string;
  field: string;
  state: string;
  urgent: number | bigint | boolean;
  filedOn: string | null;
  updatedAt: Date | string;
  respondentUnknown: number | bigint | boolean;
  agencyName: string | null;
  leadName: string;
  seriesId: string | null;
  seriesName: string | null;
  k0: KeyValue;
  k1: KeyValue;
};

/**
 * Keyset sorts: the key columns, all ascending or all descending so that one row value compares
 * them, each served by an index (migrations 20261201050000/…01). numberKey and dueKey are virtual
 * columns: the number or next due date, or U+10FFFF when there is none, so those cases come last.
 */
const SORT: Record<CaseSort, { dir: "ASC" | "DESC"; cols: string[] }> = {
  updated: { dir: "DESC", cols: ['c."updatedAt"', 'c."id"'] },
  number: { dir: "ASC", cols: ['c."numberKey"', 'c."id"'] },
  due: { dir: "ASC", cols: ['c."dueKey"', 'c."id"'] },
};

/** Every sort's key is (column, id). */
export const CASE_CURSOR_ARITY = 2;

/** The columns a list row shows (c = Case), plus the sort key as k0, k1 (, k2). */
function rowColumns(sort: CaseSort): Sql {
  // A DateTime key must come back as the stored text, not as the Date Prisma makes of the column.
  const keys = SORT[sort].cols
    .map((col, i) => `${col === 'c."updatedAt"' ? `CAST(${col} AS TEXT)` : col} AS "k${i}"`)
    .join(", ");
  return sql`c."id", c."number", c."nextDueOn", c."title", c."field", c."state", c."urgent", c."filedOn",
    c."updatedAt", c."respondentUnknown", a."name" AS "agencyName", u."displayName" AS "leadName",
    s."id" AS "seriesId", s."name" AS "seriesName", ${sqlRaw(keys)}`;
}
const ROW_JOINS = sql`LEFT JOIN "Agency" a ON a."id" = c."respondentAgencyId"
  JOIN "User" u ON u."id" = c."leadProsecutorId"
  LEFT JOIN "CaseSeries" s ON s."id" = c."seriesId"`;

function toItem(r: ListRow) {
  return {
    id: r.id,
    number: r.number,
    nextDueOn: r.nextDueOn,
    title: r.title,
    field: r.field,
    state: r.state,
    urgent: Boolean(Number(r.urgent)),
    filedOn: r.filedOn,
    // Prisma reads a DateTime column as a Date, even in a raw query.
    updatedAt: r.updatedAt instanceof Date ? r.updatedAt.toISOString() : r.updatedAt,
    respondentUnknown: Boolean(Number(r.respondentUnknown)),
    respondentAgency: r.agencyName === null ? null : { name: r.agencyName },
    leadProsecutor: { displayName: r.leadName },
    series: r.seriesId === null ? null : { id: r.seriesId, name: r.seriesName ?? "" },
  };
}
export type CaseListItem = ReturnType<typeof toItem>;

const keyOf = (r: ListRow): KeyValue[] => [r.k0, r.k1];

/** The filter conditions on c (Case), each starting with AND. */
function filterSql(filter: CaseListFilter, today: string): Sql {
  const parts: Sql[] = [];
  if (filter.agency) parts.push(sql`AND c."respondentAgencyId" = ${filter.agency}`);
  if (filter.lead) parts.push(sql`AND c."leadProsecutorId" = ${filter.lead}`);
  // Case.nextDueOn is the stored earliest running due date (app/models/deadline.server.ts); dueKey
  // is the same date (U+10FFFF when none), on the index of the due sort.
  if (filter.due === "overdue") parts.push(sql`AND c."dueKey" < ${today}`);
  else if (filter.due === "soon")
    parts.push(sql`AND c."dueKey" >= ${today} AND c."dueKey" <= ${addDays(today, filter.within)}`);
  if (filter.state === "active") parts.push(sql`AND c."state" IN (${sqlJoin([...ACTIVE_STATES])})`);
  else if (filter.state) parts.push(sql`AND c."state" = ${filter.state}`);
  if (filter.field) parts.push(sql`AND c."field" = ${filter.field}`);
  if (filter.series === NO_SERIES) parts.push(sql`AND c."seriesId" IS NULL`);
  else if (filter.series) parts.push(sql`AND c."seriesId" = ${filter.series}`);
  return parts.length ? sqlJoin(parts, " ") : sqlEmpty;
}

/** A count that stops at COUNT_CAP + 1 rows ("10,000+"): never a scan of every case. */
export const COUNT_CAP = 10_000;

async function countCases(procuratorateId: string, filter: CaseListFilter, today: string) {
  if (!(filter.agency || filter.lead || filter.due || filter.field || filter.series)) {
    // At most the state narrows: the counters (CaseCount, kept by triggers) answer in a few rows.
    const states = filter.state === "active" ? [...ACTIVE_STATES] : filter.state ? [filter.state] : undefined;
    const sum = await prisma.caseCount.aggregate({
      where: { procuratorateId, ...(states ? { state: { in: states } } : {}) },
      _sum: { n: true },
    });
    return { total: sum._sum.n ?? 0, capped: false };
  }
  const [row] = await prisma.$queryRaw<{ n: number | bigint }[]>`
    SELECT count(*) AS n FROM (SELECT 1 FROM "Case" c
      WHERE c."procuratorateId" = ${procuratorateId} ${filterSql(filter, today)} LIMIT ${COUNT_CAP + 1})`;
  const n = Number(row?.n ?? 0);
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * The work list without a search: one keyset page (the rows after or before the cursor's row in
 * the sort), the cursors of the next and previous pages, and how many cases the filters select.
 */
async function browseCases(procuratorateId: string, filter: CaseListFilter, cursor: Cursor | null, today: string) {
  const sort = defaultSort(filter);
  const { dir, cols } = SORT[sort];
  const ascending = (dir === "ASC") !== (cursor?.dir === "before");
  const order = sqlRaw(cols.map((c) => `${c} ${ascending ? "ASC" : "DESC"}`).join(", "));
  const seek = cursor
    ? sql`AND (${sqlRaw(cols.join(", "))}) ${sqlRaw(ascending ? ">" : "<")} (${sqlJoin(cursor.key)})`
    : sqlEmpty;
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<ListRow[]>`
      SELECT ${rowColumns(sort)} FROM "Case" c ${ROW_JOINS}
      WHERE c."procuratorateId" = ${procuratorateId} ${filterSql(filter, today)} ${seek}
      ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}`,
    countCases(procuratorateId, filter, today),
  ]);
  const page = keysetPage(rows, PAGE_SIZE, cursor, keyOf);
  return { mode: "browse" as const, items: page.items.map(toItem), next: page.next, prev: page.prev, ...count };
}

/**
 * The work list with a search: the hits among the case documents (number, 案由, summary, respondent
 * agency's names), filtered, by relevance unless a sort is chosen, paged by number within
 * SEARCH_HIT_CAP hits.
 */
async function searchCases(procuratorateId: string, filter: CaseListFilter, terms: SearchTerms, today: string) {
  const filters = filterSql(filter, today);
  const sort = filter.sort;
  const result = await searchPage<ListRow>(
    {
      kind: "case",
      procuratorateId,
      terms,
      ...(filters !== sqlEmpty ? { join: sql`JOIN "Case" c ON c."id" = m."entityId"`, where: filters } : {}),
    },
    rowColumns(sort ?? "updated"),
    sql`CROSS JOIN "Case" c ON c."id" = ranked."entityId" ${ROW_JOINS}`,
    filter.page,
    PAGE_SIZE,
    sort ? sqlRaw(`ORDER BY ${SORT[sort].cols.map((c) => `${c} ${SORT[sort].dir}`).join(", ")}`) : undefined,
  );
  return { mode: "search" as const, items: result.rows.map(toItem), page: result.page, pages: result.pages, ...result.counts };
}

/** The work list: browsed by keyset pages, or searched (`filter.q`) and paged within the hits. */
export async function listCases(
  procuratorateId: string,
  filter: CaseListFilter,
  cursor: Cursor | null = null,
  today: string = dateInShanghai(),
) {
  const terms = parseSearchTerms(filter.q ?? "");
  if (hasTerms(terms)) return searchCases(procuratorateId, filter, terms, today);
  return browseCases(procuratorateId, filter, cursor, today);
}

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

/**
 * The numbers above the work list, from the counters the Case triggers keep (CaseCount,
 * CaseYearCount): cases per state (with how many active ones are urgent), cases filed this year
 * and cases closed this year (calendar year in Asia/Shanghai). Two small reads at any size.
 */
export async function caseStats(procuratorateId: string, today: string = dateInShanghai()) {
  const year = today.slice(0, 4);
  const [byState, years] = await Promise.all([
    prisma.caseCount.findMany({ where: { procuratorateId }, select: { state: true, urgent: true, n: true } }),
    prisma.caseYearCount.findUnique({ where: { procuratorateId_year: { procuratorateId, year } } }),
  ]);
  const perState: Record<string, number> = {};
  let active = 0;
  let urgentActive = 0;
  for (const row of byState) {
    perState[row.state] = (perState[row.state] ?? 0) + row.n;
    if ((ACTIVE_STATES as readonly string[]).includes(row.state)) {
      active += row.n;
      if (row.urgent) urgentActive += row.n;
    }
  }
  return {
    year: Number(year),
    active,
    urgentActive,
    rectification: perState.rectification ?? 0,
    followUp: perState.follow_up ?? 0,
    toCourt: (perState.pre_suit_review ?? 0) + (perState.litigation ?? 0),
    filedThisYear: years?.filed ?? 0,
    closedThisYear: years?.closed ?? 0,
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
