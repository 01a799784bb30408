#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// committed schema (git HEAD) and the working prisma/schema.prisma. `prisma migrate dev` does not
// work on the JS engine in Prisma 6.19 (see ../shared/STACK.md and docs/decisions), so this is
// the one way to make a migration. Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, "..");
const schema = path.join(root, "prisma/schema.prisma");
const migrations = path.join(root, "prisma/migrations");
const hasMigrations =
  fs.existsSync(migrations) && fs.readdirSync(migrations).some((d) => /^\d{14}_/.test(d));

let from = ["--from-empty"];
if (hasMigrations) {
  const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root });
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "procura-")), "previous.prisma");
  fs.writeFileSync(tmp, previous);
  from = ["--from-schema-datamodel", tmp];
}
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"],
  { cwd: root, encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
);
if (/^-- This is an empty migration/m.test(sql) || sql.trim() === "") {
  console.log("schema unchanged: no migration written");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrations, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(migrations, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "sqlite"\n');
console.log(`wrote ${path.relative(root, dir)}/migration.sql; apply it with npm run db:migrate`);
