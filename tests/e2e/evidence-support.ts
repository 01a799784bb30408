import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";

// Evidence rows and files written straight into the e2e server's database and data folder
// (playwright.config.ts: DATA_DIR=tests/.tmp/e2e), for the evidence file specs.

export const DATA_DIR = path.resolve("tests/.tmp/e2e");
const DB = path.join(DATA_DIR, "procura.db");

/** A w×h PNG of one colour, valid enough for Chromium to decode. */
export function png(w: number, h: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Stores bytes where the app's content-addressed store keeps them (DATA_DIR/files/<ab>/<sha256>). */
export function storeBlob(bytes: Buffer): string {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const file = path.join(DATA_DIR, "files", sha256.slice(0, 2), sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
  return sha256;
}

/** A new evidence item on one of the demo prosecutor's cases, with one PNG file. */
export function seedPhoto(bytes: Buffer, name: string): { fileId: string; evidenceId: string; caseId: string; sha256: string } {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const sha256 = storeBlob(bytes);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const tag = randomUUID().slice(0, 8);
  const fileId = `e2efile${tag}`;
  const evidenceId = `e2eitem${tag}`;
  let caseId = "";
  try {
    db.transaction(() => {
      const user = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as { id: string; procuratorateId: string };
      const kase = db
        .prepare(`SELECT "id" FROM "Case" WHERE "procuratorateId" = ? AND "leadProsecutorId" = ? ORDER BY "createdAt" LIMIT 1`)
        .get(user.procuratorateId, user.id) as { id: string };
      caseId = kase.id;
      const { n } = db.prepare(`SELECT COALESCE(MAX("ordinal"), 0) + 1 AS n FROM "Evidence" WHERE "caseId" = ?`).get(kase.id) as { n: number };
      db.prepare(
        `INSERT INTO "Evidence" ("id", "caseId", "ordinal", "title", "kind", "createdById", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'audiovisual', ?, ?, ?)`,
      ).run(`e2eitem${tag}`, kase.id, n, `浏览器预览测试照片 ${tag}`, user.id, now, now);
      db.prepare(
        `INSERT INTO "EvidenceFile" ("id", "evidenceId", "sha256", "size", "mimeType", "originalName", "uploadedById", "createdAt")
         VALUES (?, ?, ?, ?, 'image/png', ?, ?, ?)`,
      ).run(fileId, `e2eitem${tag}`, sha256, bytes.length, name, user.id, now);
    }).immediate();
  } finally {
    db.close();
  }
  return { fileId, evidenceId, caseId, sha256 };
}


/**
 * An investigating case of the demo prosecutor on a planned hearing two weeks ahead (not yet in
 * deliberation, so disclosure is open) with the demo panelist seated, in the demo procuratorate:
 * for journeys that register and disclose evidence through the UI. The demo seed's own upcoming
 * hearing is left alone, so that runs (and projects) do not disclose into each other's hearing.
 */
export function seedHearingWithPanelist(tag: string): { caseId: string; hearingId: string; caseTitle: string; hearingTitle: string } {
  const db = new Database(DB);
  db.pragma("busy_timeout = 10000");
  const now = new Date().toISOString().replace("Z", "+00:00");
  const startsAt = new Date(Date.now() + 14 * 86_400_000).toISOString().replace("Z", "+00:00");
  const caseId = `e2ejrnc${tag}`;
  const hearingId = `e2ejrnh${tag}`;
  const caseTitle = `证据全流程测试案件 ${tag}`;
  const hearingTitle = `证据全流程测试听证 ${tag}`;
  try {
    db.transaction(() => {
      const prosecutor = db.prepare(`SELECT "id", "procuratorateId" FROM "User" WHERE "username" = 'prosecutor'`).get() as {
        id: string;
        procuratorateId: string;
      };
      const panelist = db.prepare(`SELECT "panelistId" FROM "User" WHERE "username" = 'panelist'`).get() as { panelistId: string };
      db.prepare(
        `INSERT INTO "Case" ("id", "procuratorateId", "number", "title", "field", "state", "leadProsecutorId", "createdAt", "updatedAt")
         VALUES (?, ?, ?, ?, 'ecology', 'investigating', ?, ?, ?)`,
      ).run(caseId, prosecutor.procuratorateId, `2026-流-E2E-${tag}`, caseTitle, prosecutor.id, now, now);
      db.prepare(
        `INSERT INTO "Hearing" ("id", "procuratorateId", "title", "venue", "startsAt", "hostId", "status", "createdAt", "updatedAt")
         VALUES (?, ?, ?, '检察听证室', ?, ?, 'planned', ?, ?)`,
      ).run(hearingId, prosecutor.procuratorateId, hearingTitle, startsAt, prosecutor.id, now, now);
      db.prepare(`INSERT INTO "HearingCase" ("hearingId", "caseId", "ordinal") VALUES (?, ?, 1)`).run(hearingId, caseId);
      // Declaration signed: a panelist reads the briefing and its files only after it (app/domain/hearing/panel.ts).
      db.prepare(`INSERT INTO "HearingPanelist" ("hearingId", "panelistId", "invitedAt", "declaredAt") VALUES (?, ?, ?, ?)`).run(hearingId, panelist.panelistId, now, now);
    }).immediate();
  } finally {
    db.close();
  }
  return { caseId, hearingId, caseTitle, hearingTitle };
}
