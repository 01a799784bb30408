// `npm run db:seed:scale -- --cases 100000 --evidence 500000 [--seed 1] [--force]`
// Fills the database that DATA_DIR / DATABASE_URL name (as scripts/prepare-db.mjs does: default
// DATA_DIR/procura.db) with province-scale data for load tests and benchmarks (issue 7). A new or
// empty database is migrated and gets the demo scenario first, so the demo organisation and
// accounts exist. A database that already holds more than 1,000 cases is refused unless --force
// (which adds another batch). --row-triggers lets the full-text search triggers index every row as
// it is written (to measure them) instead of rebuilding them once; --today dates the data around
// another day than today (tests). The data itself:
// scripts/seed-scale/core.ts.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SCALE_MARKER_CASES, seedScale } from "./seed-scale/core";

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: npm run db:seed:scale -- [--cases N] [--evidence M] [--seed S] [--force] [--row-triggers] [--today YYYY-MM-DD]");
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out = { cases: 100_000, evidence: undefined as number | undefined, seed: 1, force: false, rowTriggers: false, today: undefined as string | undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) usage(`${arg} needs a whole number`);
      return v;
    };
    if (arg === "--cases") out.cases = value();
    else if (arg === "--evidence") out.evidence = value();
    else if (arg === "--seed") out.seed = value();
    else if (arg === "--force") out.force = true;
    else if (arg === "--row-triggers") out.rowTriggers = true;
    else if (arg === "--today") {
      out.today = argv[++i];
      if (!out.today || !/^\d{4}-\d{2}-\d{2}$/.test(out.today)) usage("--today needs a date YYYY-MM-DD");
    }
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`unknown option ${arg}`);
  }
  if (out.cases < 1) usage("--cases must be at least 1");
  return out;
}

const args = parseArgs(process.argv.slice(2));
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
process.env.DATA_DIR = dataDir;
process.env.DATABASE_URL ??= `file:${path.join(dataDir, "procura.db")}`;
const file = path.resolve(root, process.env.DATABASE_URL.replace(/^file:/, ""));
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.mkdirSync(dataDir, { recursive: true });

const started = performance.now();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function tableRows(table: string): number | null {
  const db = new Database(file);
  try {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    return exists ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : null;
  } finally {
    db.close();
  }
}

const procuratorates = tableRows("Procuratorate");
if (!procuratorates) {
  console.log(`New or empty database ${file}: applying migrations and loading the demo scenario …`);
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.close();
  execFileSync(bin("tsx"), ["prisma/seed.ts"], { cwd: root, stdio: "inherit" });
} else {
  const cases = tableRows("Case") ?? 0;
  if (cases > SCALE_MARKER_CASES && !args.force) {
    console.error(
      `Refused: ${file} already holds ${cases} cases (scale data). Use a fresh DATA_DIR, run \`npm run db:reset\` first, or pass --force to add another batch.`,
    );
    process.exit(1);
  }
}
const prepared = (performance.now() - started) / 1000;

console.log(`Adding ${args.cases} cases and ${args.evidence ?? args.cases * 5} evidence items (seed ${args.seed}) …`);
const result = seedScale(file, { cases: args.cases, evidence: args.evidence, seed: args.seed, rowTriggers: args.rowTriggers, today: args.today, log: (m) => console.log(m) });
const summary = Object.entries(result.counts)
  .filter(([, n]) => n > 0)
  .map(([table, n]) => `${n} ${table}`)
  .join(", ");
console.log(`Wrote ${summary}.`);
console.log(`Phases (ms): ${Object.entries(result.phases).map(([k, v]) => `${k} ${v}`).join(", ")}`);
console.log(
  `Scale data loaded in ${result.seconds.toFixed(1)} s (plus ${prepared.toFixed(1)} s for migrations and the demo scenario); total ${((performance.now() - started) / 1000).toFixed(1)} s. Database: ${file}`,
);
