import { createHash } from "node:crypto";
import type { Tx } from "~/utils/db.server";

export type AuditInput = {
  procuratorateId?: string | null;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  data?: unknown;
  at?: Date;
};

export const GENESIS_HASH = "0".repeat(64);

/**
 * File sizes are BigInt columns, and JSON.stringify throws on a bigint: an event that records one
 * stores it as a number (exact below 2^53), or as a decimal string beyond that.
 */
function bigintAsNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "bigint") return value;
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

/** The canonical text hashed for an event; the chain is verifiable from the rows alone. */
export function auditPayload(e: {
  procuratorateId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  data: string | null;
  at: Date;
}): string {
  return JSON.stringify([
    e.procuratorateId,
    e.actorId,
    e.action,
    e.entityType,
    e.entityId,
    e.caseId,
    e.data,
    e.at.toISOString(),
  ]);
}

export function chainHash(prevHash: string, payload: string): string {
  return createHash("sha256").update(prevHash).update("\n").update(payload).digest("hex");
}

/**
 * Appends an event to the hash-chained audit log. Call it inside the transaction of the change it
 * records, so the change and its event commit together.
 */
export async function recordAudit(tx: Tx, input: AuditInput) {
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    procuratorateId: input.procuratorateId ?? null,
    actorId: input.actorId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    caseId: input.caseId ?? null,
    data: input.data === undefined ? null : JSON.stringify(input.data, bigintAsNumber),
    at: input.at ?? new Date(),
  };
  const hash = chainHash(prevHash, auditPayload(row));
  const event = await tx.auditEvent.create({ data: { ...row, prevHash, hash } });
  if (row.caseId) await touchCase(tx, row.caseId, row.at);
  return event;
}

/**
 * A case's "last updated" (Case.updatedAt, the case list's 最近更新) is the time of its newest
 * change, whether to the case row or to any of its parts: every change writes an audit event with
 * its caseId, so recording the event moves the time forward (never back).
 */
export async function touchCase(tx: Tx, caseId: string, at: Date) {
  await tx.case.updateMany({ where: { id: caseId, updatedAt: { lt: at } }, data: { updatedAt: at } });
}

/** Re-computes the chain; returns the seq of the first broken link, or null if intact. */
export async function verifyAuditChain(tx: Tx): Promise<number | null> {
  const events = await tx.auditEvent.findMany({ orderBy: { seq: "asc" } });
  let prev = GENESIS_HASH;
  for (const e of events) {
    if (e.prevHash !== prev || chainHash(prev, auditPayload(e)) !== e.hash) return e.seq;
    prev = e.hash;
  }
  return null;
}
