import fs from "node:fs";
import path from "node:path";
import { auditPayload, chainHash, GENESIS_HASH } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";

/**
 * Anchors keep the audit chain's head outside the database, so rewriting the chain with
 * recomputed hashes, or deleting its newest events, is detectable from the anchors.
 *
 * One JSON file per anchor in DATA_DIR/audit-anchors/, named by time so a plain sort is oldest
 * first. Besides the head (seq, hash, at) an anchor lists the [seq, hash] of every event since the
 * previous anchor, so verification can name the first rewritten event, not only the anchor it
 * disagrees with. The head line is what an operator prints or copies off the machine.
 */
export type AuditAnchor = {
  version: 1;
  seq: number;
  hash: string;
  at: string;
  /** [seq, hash] of the events after the previous anchor's seq, up to and including seq. */
  events: [number, string][];
};

export type AuditVerification = {
  ok: boolean;
  /** The first event whose row does not match the chain or an anchor. */
  firstBadSeq?: number;
  /** An anchor names a seq beyond the chain's head: the newest events were deleted. */
  missingTail?: { anchorSeq: number; headSeq: number };
  /** Anchor files that cannot be read as anchors. */
  invalidAnchors?: string[];
  headSeq: number;
  eventsChecked: number;
  anchorsChecked: number;
};

export function anchorDir(dataDir: string) {
  return path.join(dataDir, "audit-anchors");
}

function anchorFiles(dataDir: string): string[] {
  try {
    return fs
      .readdirSync(anchorDir(dataDir))
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

function parseAnchor(text: string): AuditAnchor | null {
  try {
    const a = JSON.parse(text) as AuditAnchor;
    const isHash = (h: unknown) => typeof h === "string" && /^[0-9a-f]{64}$/.test(h);
    if (a?.version !== 1 || !Number.isInteger(a.seq) || !isHash(a.hash) || typeof a.at !== "string") return null;
    if (!Array.isArray(a.events) || !a.events.every((e) => Array.isArray(e) && Number.isInteger(e[0]) && isHash(e[1]))) return null;
    return a;
  } catch {
    return null;
  }
}

/** The anchors on file, oldest first; with `newest`, only that many of the latest are read. */
export function readAuditAnchors(dataDir: string, newest?: number): { file: string; anchor: AuditAnchor | null }[] {
  const files = anchorFiles(dataDir);
  return (newest === undefined ? files : files.slice(-newest)).map((file) => ({
    file,
    anchor: parseAnchor(fs.readFileSync(path.join(anchorDir(dataDir), file), "utf8")),
  }));
}

/** Writes the chain head as a new anchor file (temp file, fsync, rename, fsync the folder). */
export async function writeAuditAnchor(db: Tx, dataDir: string, now = new Date()): Promise<AuditAnchor & { file: string }> {
  const previous = readAuditAnchors(dataDir)
    .map((a) => a.anchor)
    .filter((a): a is AuditAnchor => a !== null)
    .reduce((max, a) => Math.max(max, a.seq), 0);
  const events = await db.auditEvent.findMany({
    where: { seq: { gt: previous } },
    orderBy: { seq: "asc" },
    select: { seq: true, hash: true },
  });
  const head = await db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const anchor: AuditAnchor = {
    version: 1,
    seq: head?.seq ?? 0,
    hash: head?.hash ?? GENESIS_HASH,
    at: now.toISOString(),
    events: events.map((e) => [e.seq, e.hash]),
  };

  const dir = anchorDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = `${anchor.at.replace(/:/g, "-")}-seq${String(anchor.seq).padStart(10, "0")}.json`;
  const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, "wx", 0o644);
  try {
    fs.writeSync(fd, JSON.stringify(anchor) + "\n");
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, path.join(dir, name));
  const dirFd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return { ...anchor, file: name };
}

/**
 * Re-computes the hash chain and checks it against every anchor: each [seq, hash] an anchor
 * recorded must still be in the database unchanged.
 */
export async function verifyAuditChainWithAnchors(db: Tx, dataDir: string): Promise<AuditVerification> {
  const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" } });
  const bySeq = new Map<number, string>();
  let firstBadSeq: number | undefined;
  let prev = GENESIS_HASH;
  for (const e of rows) {
    if (firstBadSeq === undefined && (e.prevHash !== prev || chainHash(prev, auditPayload(e)) !== e.hash)) firstBadSeq = e.seq;
    bySeq.set(e.seq, e.hash);
    prev = e.hash;
  }
  const headSeq = rows.at(-1)?.seq ?? 0;

  const bad = (seq: number) => {
    if (firstBadSeq === undefined || seq < firstBadSeq) firstBadSeq = seq;
  };
  let missingTail: AuditVerification["missingTail"];
  const invalidAnchors: string[] = [];
  const anchors = readAuditAnchors(dataDir);
  for (const { file, anchor } of anchors) {
    if (!anchor) {
      invalidAnchors.push(file);
      continue;
    }
    const entries: [number, string][] = anchor.seq > 0 ? [...anchor.events, [anchor.seq, anchor.hash]] : [];
    for (const [seq, hash] of entries) {
      const stored = bySeq.get(seq);
      if (stored === hash) continue;
      if (stored === undefined && seq > headSeq) {
        if (!missingTail || anchor.seq > missingTail.anchorSeq) missingTail = { anchorSeq: anchor.seq, headSeq };
      } else {
        bad(seq);
      }
    }
  }

  const result: AuditVerification = {
    ok: firstBadSeq === undefined && !missingTail && invalidAnchors.length === 0,
    headSeq,
    eventsChecked: rows.length,
    anchorsChecked: anchors.length,
  };
  if (firstBadSeq !== undefined) result.firstBadSeq = firstBadSeq;
  if (missingTail) result.missingTail = missingTail;
  if (invalidAnchors.length > 0) result.invalidAnchors = invalidAnchors;
  return result;
}
