#!/usr/bin/env node
// Run before the server starts: apply committed migrations, and load the demo scenario when the
// database is empty (first start). Never touches a database that already holds data.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { templatesToRegister } from "./templates-pending.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
process.env.DATABASE_URL ??= `file:${path.join(dataDir, "procura.db")}`;
const file = path.resolve(root, process.env.DATABASE_URL.replace(/^file:/, ""));
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.mkdirSync(dataDir, { recursive: true });

const bin = (name) => path.join(root, "node_modules", ".bin", name);
execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });

const db = new Database(file);
// WAL is a property of the database file: set once here, every later connection uses it.
db.pragma("journal_mode = WAL");
const { n } = db.prepare('SELECT COUNT(*) AS n FROM "Procuratorate"').get();
// A database from before deadlines were stored: compute them once (the seed stores its own).
const needsDeadlines =
  n > 0 &&
  db.prepare('SELECT COUNT(*) AS n FROM "Deadline"').get().n === 0 &&
  db.prepare('SELECT COUNT(*) AS n FROM "Case"').get().n > 0;
db.close();
if (needsDeadlines) execFileSync(bin("tsx"), ["scripts/deadlines.ts"], { cwd: root, stdio: "inherit" });
if (n === 0 && process.env.PROCURA_DEMO !== "false") {
  console.log("Empty database: loading the demo scenario …");
  execFileSync(bin("tsx"), ["prisma/seed.ts"], { cwd: root, stdio: "inherit" });
}

// The packaged templates (templates/<kind>.docx) are the shared template versions: a file that is
// not the ACTIVE shared version (new, changed, or equal to an older version after a rolled-back
// deploy, which registration makes active again), or whose stored copy is gone, is registered by
// scripts/templates-register.ts (app/models/template.server.ts registerPackagedTemplates). The
// check here is cheap, so a start with nothing to register spends no time loading the app's code.
const pending = templatesToRegister({ templatesDir: path.join(root, "templates"), dbFile: file, filesDir: path.join(dataDir, "files") });
if (pending) execFileSync(bin("tsx"), ["scripts/templates-register.ts"], { cwd: root, stdio: "inherit" });
console.log(`Database ready: ${file}`);
