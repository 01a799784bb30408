#!/usr/bin/env node
// Deletes the database and stored files under DATA_DIR, then migrates and loads the demo again.
// Refuses to run when PROCURA_DEMO=false (a real installation).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

if (process.env.PROCURA_DEMO === "false") {
  console.error("db:reset deletes all data; refused because PROCURA_DEMO=false");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, "data"));
const file = process.env.DATABASE_URL
  ? path.resolve(root, process.env.DATABASE_URL.replace(/^file:/, ""))
  : path.join(dataDir, "procura.db");
for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
fs.rmSync(path.join(dataDir, "files"), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, "scripts/prepare-db.mjs")], { stdio: "inherit" });
