import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { BUSY_TIMEOUT_MS, prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// The production server runs one process per core, each with its own SQLite connection
// (scripts/serve.mjs). These check the connection settings that keep their writes from failing:
// the whole path (two workers, 200 writes over HTTP) is tests/integration/cluster-writes.test.ts.
// Within one process a second connection cannot wait for the first (the wait blocks the event
// loop the first one needs to commit), so the other connection here never waits.

/** Another process's connection, as a second worker would hold it; never waits for a lock. */
const other = new Database(getEnv().databaseUrl.replace(/^file:/, ""), { timeout: 0 });
afterAll(() => other.close());

/** Whether the other connection could take the write lock right now. */
function otherCanWrite(): boolean {
  try {
    other.exec("BEGIN IMMEDIATE");
    other.exec("ROLLBACK");
    return true;
  } catch (error) {
    expect((error as { code?: string }).code).toBe("SQLITE_BUSY");
    return false;
  }
}

describe("the app's SQLite connection", () => {
  test("waits BUSY_TIMEOUT_MS (5 s) for another connection's write lock", async () => {
    const [row] = await prisma.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(Number(row!.timeout)).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBe(5_000);
  });

  test("a transaction holds the write lock from its start, before it has written anything", async () => {
    expect(otherCanWrite()).toBe(true);
    await prisma.$transaction(async (tx) => {
      // A read first, as recordAudit reads the chain's head before appending: with a deferred
      // BEGIN another worker could commit here, and this transaction's write would then fail.
      await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
      expect(otherCanWrite()).toBe(false);
    });
    expect(otherCanWrite()).toBe(true);
  });

  test("a read outside a transaction takes no write lock", async () => {
    await prisma.case.count();
    expect(otherCanWrite()).toBe(true);
  });
});
