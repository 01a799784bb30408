import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

/**
 * Runs in each test process before the test file is imported: gives the process its own copy of
 * the template database (and the seed's data folder) and points DATABASE_URL / DATA_DIR at it,
 * before ~/utils/db.server creates the Prisma client (it connects on import).
 *
 * Test files run in separate processes (pool "forks", isolate), so every file starts from the
 * pristine seeded database; tests inside one file share it.
 */
declare global {
  var __procuraTestDb: string | undefined;
}

if (!globalThis.__procuraTestDb && !globalThis.__procuraPrisma) {
  const templateDir = inject("procuraTemplateDir");
  const runDir = inject("procuraRunDir");
  const id = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? String(process.pid);

  const dbFile = path.join(runDir, `worker-${id}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(path.join(templateDir, "procura.db"), dbFile);

  const dataDir = path.join(runDir, `data-${id}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(path.join(templateDir, "data"), dataDir, { recursive: true });

  process.env.DATABASE_URL = `file:${dbFile}`;
  process.env.DATA_DIR = dataDir;
  globalThis.__procuraTestDb = dbFile;
}
