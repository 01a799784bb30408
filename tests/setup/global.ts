import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { DEMO_SEED_DAY } from "./seed-day";

/**
 * Vitest global setup (runs once, in the main process):
 * 1. builds ONE template database: `prisma migrate deploy` on an empty file, then the demo seed
 *    (`tsx prisma/seed.ts`) with DATA_DIR pointing to the template's data folder, seeded as of
 *    DEMO_SEED_DAY (a fixed day, so a template reused on a later day holds the same dates);
 * 2. hands its location to the test processes (`inject("procuraTemplateDir")`), where
 *    tests/setup/db.ts copies it before any app module opens the database.
 *
 * The template is kept under tests/.tmp/template-<hash> and reused while its inputs (migrations,
 * seed, and the app code the seed can import) are unchanged; PROCURA_TEST_FRESH_DB=1 rebuilds it.
 * Each run copies into its own tests/.tmp/run-<pid>/ folder, so two runs at once do not collide.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** Folder holding procura.db (migrated and seeded) and data/ (the seed's files). */
    procuraTemplateDir: string;
    /** Folder of this run, where each test process gets worker-<id>.db and data-<id>/. */
    procuraRunDir: string;
    /** Whether the demo seed ran (prisma/seed.ts exists). */
    procuraSeeded: boolean;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const tmp = path.join(root, "tests/.tmp");

// What the template depends on. UI code (routes, components, styles, i18n) cannot change the seed.
const INPUTS = ["prisma", "app", "templates", "scripts/templates-register.ts", "package-lock.json"];
const IGNORED = new Set(["app/generated", "app/routes", "app/components", "app/styles", "app/i18n"]);

function walk(rel: string, out: string[]) {
  const abs = path.join(root, rel);
  if (IGNORED.has(rel) || !fs.existsSync(abs)) return;
  const stat = fs.statSync(abs);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) walk(path.posix.join(rel, name), out);
  } else if (stat.isFile() && !/\.test\.tsx?$/.test(rel)) {
    out.push(rel);
  }
}

function inputsKey(): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(input, files);
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the folders of runs that died, and templates nobody has used for a while. */
function sweep(currentTemplate: string) {
  if (!fs.existsSync(tmp)) return;
  const stale = Date.now() - 15 * 60 * 1000;
  for (const name of fs.readdirSync(tmp)) {
    const abs = path.join(tmp, name);
    const run = /^run-(\d+)$/.exec(name) ?? /^template-\w+\.building-(\d+)$/.exec(name);
    if (run) {
      if (!pidAlive(Number(run[1]))) fs.rmSync(abs, { recursive: true, force: true });
    } else if (/^template-\w+$/.test(name) && abs !== currentTemplate && fs.statSync(abs).mtimeMs < stale) {
      fs.rmSync(abs, { recursive: true, force: true });
    }
  }
}

function buildTemplate(target: string): boolean {
  const building = `${target}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const dataDir = path.join(building, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = path.join(building, "procura.db");
  const env = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    DATA_DIR: dataDir,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    PROCURA_SEED_DAY: DEMO_SEED_DAY,
  };
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });

  const seedFile = path.join(root, "prisma/seed.ts");
  const seeded = fs.existsSync(seedFile);
  if (seeded) {
    execFileSync(bin("tsx"), [seedFile], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  } else {
    console.warn("[tests] prisma/seed.ts does not exist yet: the template database is migrated but empty");
  }
  // The packaged templates, registered as on every start (scripts/prepare-db.mjs).
  execFileSync(bin("tsx"), [path.join(root, "scripts/templates-register.ts")], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });

  // One self-contained file: fold the WAL back in so a plain file copy is a consistent database.
  // WAL mode stays on (it is recorded in the file): with a rollback journal every commit costs
  // several fsyncs, tens of milliseconds here, and the app expects WAL anyway (ensurePragmas).
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  fs.writeFileSync(path.join(building, "ready.json"), JSON.stringify({ seeded, builtAt: new Date().toISOString() }));

  try {
    fs.renameSync(building, target);
  } catch {
    // Another run finished the same template first; theirs is identical.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return seeded;
}

export default function setup(project: TestProject) {
  fs.mkdirSync(tmp, { recursive: true });
  const templateDir = path.join(tmp, `template-${inputsKey()}`);
  sweep(templateDir);

  const fresh = process.env.PROCURA_TEST_FRESH_DB === "1";
  const marker = path.join(templateDir, "ready.json");
  let seeded: boolean;
  if (!fresh && fs.existsSync(marker)) {
    seeded = (JSON.parse(fs.readFileSync(marker, "utf8")) as { seeded: boolean }).seeded;
    const now = new Date();
    fs.utimesSync(templateDir, now, now);
  } else {
    if (fresh) fs.rmSync(templateDir, { recursive: true, force: true });
    const started = performance.now();
    seeded = buildTemplate(templateDir);
    console.log(`[tests] template database built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const runDir = path.join(tmp, `run-${process.pid}`);
  fs.mkdirSync(runDir, { recursive: true });
  project.provide("procuraTemplateDir", templateDir);
  project.provide("procuraRunDir", runDir);
  project.provide("procuraSeeded", seeded);

  return () => {
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
