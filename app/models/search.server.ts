import type { SearchKind, SearchTerms } from "~/domain/search/query";
import {
  ftsQuery,
  SEARCH_HIT_CAP,
  SEARCH_PAGE_SIZE,
  SEARCH_RANKED,
  SEARCH_SCAN_CAP,
  SINGLE_CHAR_SCAN,
} from "~/domain/search/query";
import { likePattern } from "~/domain/case/schemas";
import type { Sql } from "~/utils/db.server";
import { prisma, sql, sqlEmpty, sqlJoin, sqlRaw } from "~/utils/db.server";

// Full-text search over the index of migration 20261201050001 (docs/decisions/0013). Every query
// here is one SQL statement whose only parameters are the terms, the procuratorate and the page:
// no list of ids ever goes back to the database as parameters.
//
// Shape of every search: the newest SEARCH_SCAN_CAP matches of the terms within the procuratorate
// (`m`, read in index order, so a term matching everything stops early), then the caller's filters
// (`hits`, at most SEARCH_HIT_CAP + 1), then the page: the first SEARCH_RANKED hits by bm25, the rest
// newest first.

const TEXT_VIEW: Record<SearchKind, string> = {
  case: "SearchCaseText",
  clue: "SearchClueText",
  evidence: "SearchEvidenceText",
};

export type HitsOptions = {
  kind: SearchKind;
  procuratorateId: string;
  terms: SearchTerms;
  /** Extra joins and conditions on the matches (alias m: docId, entityId, caseId, score). */
  join?: Sql;
  where?: Sql;
};

/**
 * The matches CTE `m`: docId, entityId, caseId, score (lower is better), newest first. Without
 * filters every match is a hit, so it stops at SEARCH_HIT_CAP + 1; with filters it reads up to
 * SEARCH_SCAN_CAP + 1 for them to choose from.
 */
function matchesCte({ kind, procuratorateId, terms, join, where }: HitsOptions): Sql {
  const limit = (join === undefined && where === undefined ? SEARCH_HIT_CAP : SEARCH_SCAN_CAP) + 1;
  const view = sqlRaw(`"${TEXT_VIEW[kind]}"`);
  const singles = terms.single.map(
    (t) => sql`AND (SELECT v."body" FROM ${view} v WHERE v."entityId" = d."entityId") LIKE ${likePattern(t)} ESCAPE '\\'`,
  );
  const like = singles.length ? sqlJoin(singles, " ") : sqlEmpty;
  const tri = sqlRaw(`"search_${kind}_tri"`);
  const bi = sqlRaw(`"search_${kind}_bi"`);
  const kindValue = kind;
  if (terms.trigram.length > 0) {
    const alsoBigram = terms.bigram.length
      ? sql`AND d."docId" IN (SELECT rowid FROM ${bi} WHERE ${bi} MATCH ${ftsQuery(terms.bigram)})`
      : sqlEmpty;
    return sql`m AS (
      SELECT d."docId", d."entityId", d."caseId", bm25(${tri}) AS "score"
      FROM ${tri} JOIN "SearchDoc" d ON d."docId" = ${tri}.rowid
      WHERE ${tri} MATCH ${ftsQuery(terms.trigram)} AND d."procuratorateId" = ${procuratorateId}
        AND d."kind" = ${kindValue} ${alsoBigram} ${like}
      ORDER BY ${tri}.rowid DESC LIMIT ${limit})`;
  }
  if (terms.bigram.length > 0) {
    return sql`m AS (
      SELECT d."docId", d."entityId", d."caseId", bm25(${bi}) AS "score"
      FROM ${bi} JOIN "SearchDoc" d ON d."docId" = ${bi}.rowid
      WHERE ${bi} MATCH ${ftsQuery(terms.bigram)} AND d."procuratorateId" = ${procuratorateId}
        AND d."kind" = ${kindValue} ${like}
      ORDER BY ${bi}.rowid DESC LIMIT ${limit})`;
  }
  // Single characters only: no index can find them, so the text of the newest SINGLE_CHAR_SCAN
  // records is read (LIKE), and the result says so.
  return sql`m AS (
    SELECT d."docId", d."entityId", d."caseId", 0 AS "score"
    FROM (SELECT * FROM "SearchDoc" WHERE "kind" = ${kindValue} AND "procuratorateId" = ${procuratorateId}
          ORDER BY "docId" DESC LIMIT ${SINGLE_CHAR_SCAN}) d
    WHERE 1 = 1 ${like}
    ORDER BY d."docId" DESC LIMIT ${limit})`;
}

/**
 * `WITH m AS (…), hits AS (…), ranked AS (…)`: ranked has docId, entityId, caseId, score, pos
 * (1 = newest hit), and the counts are read with HITS_COUNTS.
 */
export function searchCtes(options: HitsOptions): Sql {
  const filtered = options.join !== undefined || options.where !== undefined;
  return sql`WITH ${matchesCte(options)},
    hits AS (
      SELECT m."docId", m."entityId", m."caseId", m."score" FROM m ${options.join ?? sqlEmpty}
      ${filtered ? sql`WHERE 1 = 1 ${options.where ?? sqlEmpty}` : sqlEmpty}
      ORDER BY m."docId" DESC LIMIT ${SEARCH_HIT_CAP + 1}),
    ranked AS (SELECT hits.*, row_number() OVER (ORDER BY hits."docId" DESC) AS "pos" FROM hits)`;
}

/** Select-list items giving the number of hits and of matches read (only with filters: it reads all of m). */
export function searchCounts(filtered: boolean): Sql {
  return filtered
    ? sql`(SELECT count(*) FROM hits) AS "hitCount", (SELECT count(*) FROM m) AS "scanCount"`
    : sql`(SELECT count(*) FROM hits) AS "hitCount", 0 AS "scanCount"`;
}

/** ORDER BY for relevance: bm25 among the newest SEARCH_RANKED hits, then the rest newest first. */
export const RELEVANCE_ORDER = sql`ORDER BY (ranked."pos" > ${SEARCH_RANKED}),
  CASE WHEN ranked."pos" <= ${SEARCH_RANKED} THEN ranked."score" END, ranked."pos"`;

export type SearchCounts = {
  /** Hits listed: at most SEARCH_HIT_CAP. */
  total: number;
  /** More hits exist than are listed. */
  capped: boolean;
  /** The filters were applied to the newest SEARCH_SCAN_CAP matches only. */
  scanLimited: boolean;
  /** Only one-character terms: the newest SINGLE_CHAR_SCAN records were read. */
  singleCharOnly: boolean;
};

export function readCounts(
  row: { hitCount: number | bigint; scanCount: number | bigint } | undefined,
  terms: SearchTerms,
): SearchCounts {
  const hits = Number(row?.hitCount ?? 0);
  return {
    total: Math.min(hits, SEARCH_HIT_CAP),
    capped: hits > SEARCH_HIT_CAP,
    scanLimited: Number(row?.scanCount ?? 0) > SEARCH_SCAN_CAP,
    singleCharOnly: terms.trigram.length + terms.bigram.length === 0,
  };
}

// ───────────── the search page (/search): cases, clues and evidence ─────────────

type CountRow = { hitCount: number | bigint; scanCount: number | bigint };

/**
 * One page of hits in one statement: the CTEs, the page's rows (`select` over `ranked` and its
 * `joins`, in `order`, relevance by default) and the counts, which a LEFT JOIN keeps even when the
 * page is empty. The page is clamped to the hits (SEARCH_HIT_CAP at most).
 */
export async function searchPage<T extends { id: string | null }>(
  options: HitsOptions,
  select: Sql,
  joins: Sql,
  page: number,
  size: number,
  order: Sql = RELEVANCE_ORDER,
): Promise<{ rows: T[]; counts: SearchCounts; page: number; pages: number }> {
  const lastPage = Math.ceil(SEARCH_HIT_CAP / size);
  const wanted = Math.min(Math.max(1, page), lastPage);
  const filtered = options.join !== undefined || options.where !== undefined;
  const rows = await prisma.$queryRaw<(T & CountRow)[]>`
    ${searchCtes(options)},
    page AS (SELECT ${select} FROM ranked ${joins} ${order} LIMIT ${size} OFFSET ${(wanted - 1) * size})
    SELECT ${searchCounts(filtered)}, page.* FROM (SELECT 1) LEFT JOIN page ON 1`;
  const counts = readCounts(rows[0], options.terms);
  const pages = Math.max(1, Math.ceil(counts.total / size));
  // The counts ride on every row as bigints (which no loader can serialise): keep only the hit.
  const hits = rows
    .filter((r) => typeof r.id === "string")
    .map(({ hitCount: _h, scanCount: _s, ...hit }) => hit as unknown as T);
  return { rows: hits, counts, page: Math.min(wanted, pages), pages };
}

// The page's joins start from `ranked` with CROSS JOIN, which SQLite reads as "this order": left to
// itself, the planner may walk every case of the procuratorate and probe the hits (seconds at
// 500,000 evidence items) instead of looking up twenty hits.

/** Case hits: number, 案由, state, respondent agency. */
export async function searchCaseHits(procuratorateId: string, terms: SearchTerms, page = 1, size = SEARCH_PAGE_SIZE) {
  const result = await searchPage<{
    id: string;
    number: string | null;
    title: string;
    state: string;
    agencyName: string | null;
  }>(
    { kind: "case", procuratorateId, terms },
    sql`c."id", c."number", c."title", c."state", a."name" AS "agencyName"`,
    sql`CROSS JOIN "Case" c ON c."id" = ranked."entityId" LEFT JOIN "Agency" a ON a."id" = c."respondentAgencyId"`,
    page,
    size,
  );
  return { ...result, items: result.rows };
}

/** Clue hits: number, summary, status, the day it came in. */
export async function searchClueHits(procuratorateId: string, terms: SearchTerms, page = 1, size = SEARCH_PAGE_SIZE) {
  const result = await searchPage<{ id: string; number: string; summary: string; status: string; receivedOn: string }>(
    { kind: "clue", procuratorateId, terms },
    sql`k."id", k."number", k."summary", k."status", k."receivedOn"`,
    sql`CROSS JOIN "Clue" k ON k."id" = ranked."entityId"`,
    page,
    size,
  );
  return { ...result, items: result.rows };
}

/** Evidence hits, each with the case it belongs to. */
export async function searchEvidenceHits(procuratorateId: string, terms: SearchTerms, page = 1, size = SEARCH_PAGE_SIZE) {
  const result = await searchPage<{
    id: string;
    ordinal: number | bigint;
    title: string;
    kind: string;
    description: string | null;
    caseId: string;
    caseNumber: string | null;
    caseTitle: string;
  }>(
    { kind: "evidence", procuratorateId, terms },
    sql`e."id", e."ordinal", e."title", e."kind", e."description", c."id" AS "caseId", c."number" AS "caseNumber",
        c."title" AS "caseTitle"`,
    sql`CROSS JOIN "Evidence" e ON e."id" = ranked."entityId" CROSS JOIN "Case" c ON c."id" = e."caseId"
        AND c."procuratorateId" = ${procuratorateId}`,
    page,
    size,
  );
  return { ...result, items: result.rows.map((r) => ({ ...r, ordinal: Number(r.ordinal) })) };
}
