// Rebuilds the full-text search index and the case counters from the tables, in one transaction
// (docs/decisions/0013): after a migration that changes a searched column, or to check that the
// triggers kept them right (the result is the same). `npm run search:rebuild`, on the database
// DATABASE_URL (or DATA_DIR/procura.db) names.
import path from "node:path";
import Database from "better-sqlite3";
import { rebuildCaseCounts, rebuildSearchIndex } from "~/models/search-index.server";
import { getEnv } from "~/utils/env.server";

const file = path.resolve(getEnv().databaseUrl.replace(/^file:/, ""));
const db = new Database(file);
db.pragma("busy_timeout = 5000");
const started = Date.now();
rebuildSearchIndex(db);
rebuildCaseCounts(db);
const { n } = db.prepare(`SELECT count(*) AS n FROM "SearchDoc"`).get() as { n: number };
db.close();
console.log(`Rebuilt the search index (${n} records) and the case counters of ${file} in ${Date.now() - started} ms.`);
