import type BetterSqlite3 from "better-sqlite3";
import { bigrams } from "~/domain/search/bigrams";
import type { SearchKind } from "~/domain/search/query";
import { SEARCH_KINDS } from "~/domain/search/query";

// The full-text index (SearchDoc + the search_<kind>_tri/_bi FTS5 tables) is kept in step by the
// triggers of migration 20261201050001_search_and_counts. Two bulk operations live here, on a raw
// better-sqlite3 connection (they are maintenance, not requests):
//  - rebuildSearchIndex: drop every index row and refill from the source tables, in set-based
//    statements (the same SQL as the migration's first fill);
//  - withDerivedTriggersSuspended: run a bulk load with the per-row search and counter triggers out
//    of the way, then rebuild once. An FTS5 insert from a trigger costs about five times a set-based one (each
//    trigger statement opens a savepoint, which flushes FTS5's pending terms), which at 500,000
//    evidence items is the difference between minutes and seconds. All in one transaction: a
//    failed load leaves the old index and the triggers exactly as they were.


const VIEW: Record<SearchKind, string> = {
  case: "SearchCaseText",
  clue: "SearchClueText",
  evidence: "SearchEvidenceText",
};

/** Overlapping bigrams of v."body", space separated, pairs holding a space skipped (SQL). */
export const BIGRAMS_SQL = `(SELECT group_concat(substr(v."body", s."n", 2), ' ') FROM "SearchSeq" s
  WHERE s."n" < length(v."body") AND instr(substr(v."body", s."n", 2), ' ') = 0)`;

export function rebuildSearchIndex(db: BetterSqlite3.Database): void {
  // The bigram split in JavaScript: about five times faster than BIGRAMS_SQL over 500,000 rows.
  db.function("procura_bigrams", { deterministic: true }, (body) => bigrams(String(body ?? "")));
  db.transaction(() => {
    for (const kind of SEARCH_KINDS) {
      // 'delete-all' is the FTS5 command that empties a contentless table.
      db.exec(`INSERT INTO "search_${kind}_tri" ("search_${kind}_tri") VALUES ('delete-all')`);
      db.exec(`INSERT INTO "search_${kind}_bi" ("search_${kind}_bi") VALUES ('delete-all')`);
    }
    db.exec(`DELETE FROM "SearchDoc"`);
    for (const kind of SEARCH_KINDS) {
      const view = VIEW[kind];
      db.exec(`INSERT INTO "SearchDoc" ("kind", "entityId", "procuratorateId", "caseId")
        SELECT '${kind}', "entityId", "procuratorateId", "caseId" FROM "${view}" ORDER BY "entityId"`);
      const docs = `FROM "SearchDoc" d JOIN "${view}" v ON v."entityId" = d."entityId" WHERE d."kind" = '${kind}'`;
      db.exec(`INSERT INTO "search_${kind}_tri" (rowid, body) SELECT d."docId", v."body" ${docs}`);
      db.exec(`INSERT INTO "search_${kind}_bi" (rowid, body) SELECT d."docId", procura_bigrams(v."body") ${docs}`);
    }
    for (const kind of SEARCH_KINDS) {
      db.exec(`INSERT INTO "search_${kind}_tri" ("search_${kind}_tri") VALUES ('optimize')`);
      db.exec(`INSERT INTO "search_${kind}_bi" ("search_${kind}_bi") VALUES ('optimize')`);
    }
  })();
}

/** Recounts CaseCount and CaseYearCount from the cases (the same SQL as their migration's fill). */
export function rebuildCaseCounts(db: BetterSqlite3.Database): void {
  db.transaction(() => {
    db.exec(`DELETE FROM "CaseCount"; DELETE FROM "CaseYearCount";`);
    db.exec(`INSERT INTO "CaseCount" ("procuratorateId", "state", "urgent", "n")
      SELECT "procuratorateId", "state", "urgent", COUNT(*) FROM "Case" GROUP BY 1, 2, 3`);
    db.exec(`INSERT INTO "CaseYearCount" ("procuratorateId", "year", "filed", "closed")
      SELECT "procuratorateId", "year", SUM("filed"), SUM("closed") FROM (
        SELECT "procuratorateId", substr("filedOn", 1, 4) AS "year", 1 AS "filed", 0 AS "closed"
          FROM "Case" WHERE "filedOn" IS NOT NULL
        UNION ALL
        SELECT "procuratorateId", substr("closedOn", 1, 4), 0, 1
          FROM "Case" WHERE "state" = 'closed' AND "closedOn" IS NOT NULL
      ) GROUP BY 1, 2`);
  })();
}

/**
 * Runs a bulk `load` with the per-row triggers of the derived data (search index, case counters)
 * dropped, then rebuilds both once and restores the triggers, all in one transaction.
 */
export function withDerivedTriggersSuspended<T>(db: BetterSqlite3.Database, load: () => T): T {
  return db.transaction(() => {
    const triggers = db
      .prepare(
        `SELECT "name", "sql" FROM sqlite_master WHERE "type" = 'trigger'
           AND ("name" LIKE 'search\\_%' ESCAPE '\\' OR "name" LIKE 'case\\_count\\_%' ESCAPE '\\')`,
      )
      .all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    const result = load();
    rebuildSearchIndex(db);
    rebuildCaseCounts(db);
    for (const t of triggers) db.exec(t.sql);
    return result;
  })();
}
