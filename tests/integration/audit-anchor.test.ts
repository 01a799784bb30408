import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client";
import { anchorDir, verifyAuditChainWithAnchors, writeAuditAnchor } from "~/models/audit-anchor.server";
import { auditPayload, chainHash, recordAudit } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";

// Each scenario tampers with its own copy of the seeded database, through a raw connection that
// first drops the append-only triggers: an attacker with write access to the database file.
const scratchDir = path.join(path.dirname(globalThis.__procuraTestDb!), `audit-anchor-${process.pid}`);
const clients: PrismaClient[] = [];
let n = 0;

async function scratch() {
  const dir = path.join(scratchDir, String(++n));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "procura.db");
  await prisma.$executeRawUnsafe(`VACUUM INTO '${file}'`);
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  clients.push(db);
  const raw = () => new Database(file);
  return { db, file, dataDir: path.join(dir, "data"), raw };
}

afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  fs.rmSync(scratchDir, { recursive: true, force: true });
});

describe("audit anchors", () => {
  test("the seeded chain verifies, without and with anchors, and anchors list the events since the last one", async () => {
    const { db, dataDir } = await scratch();
    const events = await db.auditEvent.count();
    expect(events).toBeGreaterThan(10);
    expect(await verifyAuditChainWithAnchors(db, dataDir)).toMatchObject({ ok: true, eventsChecked: events, anchorsChecked: 0 });

    const first = await writeAuditAnchor(db, dataDir, new Date("2026-11-30T01:00:00Z"));
    expect(first.events).toHaveLength(events);
    await db.$transaction((tx) => recordAudit(tx, { action: "test.after-anchor", entityType: "Test" }));
    const second = await writeAuditAnchor(db, dataDir, new Date("2026-11-30T02:00:00Z"));
    expect(second.seq).toBe(first.seq + 1);
    expect(second.events).toEqual([[second.seq, second.hash]]);

    const files = fs.readdirSync(anchorDir(dataDir));
    expect(files).toEqual([first.file, second.file]);
    expect(files.every((f) => !f.endsWith(".tmp"))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(anchorDir(dataDir), second.file), "utf8"))).toMatchObject({ seq: second.seq, hash: second.hash });
    expect(await verifyAuditChainWithAnchors(db, dataDir)).toEqual({ ok: true, headSeq: second.seq, eventsChecked: events + 1, anchorsChecked: 2 });
  });

  test("deleting the newest 5 events after an anchor is reported as a missing tail", async () => {
    const { db, dataDir, raw } = await scratch();
    const anchor = await writeAuditAnchor(db, dataDir);
    const sqlite = raw();
    sqlite.exec(`DROP TRIGGER "AuditEvent_no_delete"`);
    sqlite.prepare(`DELETE FROM "AuditEvent" WHERE "seq" > ?`).run(anchor.seq - 5);
    sqlite.close();

    // The chain alone still verifies: only the anchor reveals the deletion.
    const result = await verifyAuditChainWithAnchors(db, dataDir);
    expect(result).toMatchObject({ ok: false, missingTail: { anchorSeq: anchor.seq, headSeq: anchor.seq - 5 }, anchorsChecked: 1 });
    expect(result.firstBadSeq).toBeUndefined();
  });

  test("deleting the tail and appending new events in its place names the first deleted seq", async () => {
    const { db, dataDir, raw } = await scratch();
    const anchor = await writeAuditAnchor(db, dataDir);
    const sqlite = raw();
    sqlite.exec(`DROP TRIGGER "AuditEvent_no_delete"`);
    sqlite.prepare(`DELETE FROM "AuditEvent" WHERE "seq" > ?`).run(anchor.seq - 3);
    sqlite.close();
    for (let i = 0; i < 5; i++) await db.$transaction((tx) => recordAudit(tx, { action: "test.refill", entityType: "Test" }));

    expect(await verifyAuditChainWithAnchors(db, dataDir)).toMatchObject({ ok: false, firstBadSeq: anchor.seq - 2 });
  });

  test("rewriting one event and recomputing every later hash names that event", async () => {
    const { db, dataDir, raw } = await scratch();
    const anchor = await writeAuditAnchor(db, dataDir);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
    const target = rows[Math.floor(rows.length / 2)]!;

    const sqlite = raw();
    sqlite.exec(`DROP TRIGGER "AuditEvent_no_update"`);
    const update = sqlite.prepare(`UPDATE "AuditEvent" SET "data" = ?, "prevHash" = ?, "hash" = ? WHERE "seq" = ?`);
    let prev = rows[rows.indexOf(target) - 1]!.hash;
    for (const e of rows.slice(rows.indexOf(target))) {
      const data = e.seq === target.seq ? JSON.stringify({ forged: true }) : e.data;
      const hash = chainHash(prev, auditPayload({ ...e, data }));
      update.run(data, prev, hash, e.seq);
      prev = hash;
    }
    sqlite.close();

    const result = await verifyAuditChainWithAnchors(db, dataDir);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target.seq, headSeq: anchor.seq });
    expect(result.missingTail).toBeUndefined();
  });

  test("an edit without recomputing hashes is found by the chain alone", async () => {
    const { db, dataDir, raw } = await scratch();
    const target = (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" }, skip: 3 })).seq;
    const sqlite = raw();
    sqlite.exec(`DROP TRIGGER "AuditEvent_no_update"`);
    sqlite.prepare(`UPDATE "AuditEvent" SET "action" = 'forged' WHERE "seq" = ?`).run(target);
    sqlite.close();
    expect(await verifyAuditChainWithAnchors(db, dataDir)).toMatchObject({ ok: false, firstBadSeq: target, anchorsChecked: 0 });
  });

  test("an unreadable anchor file fails verification", async () => {
    const { db, dataDir } = await scratch();
    await writeAuditAnchor(db, dataDir);
    fs.writeFileSync(path.join(anchorDir(dataDir), "9999-forged.json"), '{"seq": "x"}');
    expect(await verifyAuditChainWithAnchors(db, dataDir)).toMatchObject({ ok: false, invalidAnchors: ["9999-forged.json"] });
  });

  test("INSERT OR REPLACE and REPLACE INTO on an existing event are refused", async () => {
    const { db, raw } = await scratch();
    const last = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const sqlite = raw();
    const row = sqlite.prepare(`SELECT * FROM "AuditEvent" WHERE "seq" = ?`).get(last.seq) as Record<string, unknown>;
    const columns = Object.keys(row);
    const values = columns.map((c) => `@${c}`).join(", ");
    for (const verb of ["INSERT OR REPLACE", "REPLACE"]) {
      const forged = { ...row, action: "test.forged" };
      expect(() => sqlite.prepare(`${verb} INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${values})`).run(forged)).toThrow(/append-only/);
      // A new seq with an existing hash is refused too (it would replace through the unique hash).
      expect(() => sqlite.prepare(`${verb} INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${values})`).run({ ...forged, seq: last.seq + 100 })).toThrow(/append-only/);
    }
    sqlite.close();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { seq: last.seq } })).action).toBe(last.action);
    expect(await db.auditEvent.count({ where: { seq: { gt: last.seq } } })).toBe(0);
    // Ordinary appends still work.
    await db.$transaction((tx) => recordAudit(tx, { action: "test.append", entityType: "Test" }));
    expect(await db.auditEvent.count({ where: { seq: { gt: last.seq } } })).toBe(1);
  });

  test("the CLI anchors, verifies with exit 0, and exits 1 naming the missing tail", async () => {
    const { file, dataDir, raw } = await scratch();
    const cli = (command: string) => {
      const r = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/audit.ts", command], {
        env: { ...process.env, DATABASE_URL: `file:${file}`, DATA_DIR: dataDir },
        encoding: "utf8",
      });
      return { status: r.status, out: r.stdout + r.stderr };
    };
    const anchored = cli("anchor");
    expect(anchored.status).toBe(0);
    const seq = Number(/head seq (\d+)/.exec(anchored.out)?.[1]);
    expect(fs.readdirSync(anchorDir(dataDir))).toHaveLength(1);
    expect(cli("verify")).toMatchObject({ status: 0, out: expect.stringMatching(/^OK: .* 1 anchors checked/) });

    const sqlite = raw();
    sqlite.exec(`DROP TRIGGER "AuditEvent_no_delete"`);
    sqlite.prepare(`DELETE FROM "AuditEvent" WHERE "seq" > ?`).run(seq - 5);
    sqlite.close();
    const failed = cli("verify");
    expect(failed.status).toBe(1);
    expect(failed.out).toContain(`missing tail: an anchor records seq ${seq} but the chain ends at seq ${seq - 5}`);
  }, 120_000); // three tsx processes on a busy 2-core machine
});
