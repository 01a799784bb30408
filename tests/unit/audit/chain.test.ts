import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { auditPayload, chainHash, GENESIS_HASH, verifyAuditChain } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";

type Event = Parameters<typeof auditPayload>[0];
const event = (over: Partial<Event> = {}): Event => ({
  procuratorateId: "p1",
  actorId: "u1",
  action: "case.transition",
  entityType: "Case",
  entityId: "c1",
  caseId: "c1",
  data: JSON.stringify({ from: "filed", to: "investigating" }),
  at: new Date("2026-01-05T01:02:03.004Z"),
  ...over,
});

/** Builds rows the way recordAudit does, without a database. */
function chain(events: Event[]) {
  let prev = GENESIS_HASH;
  return events.map((e, i) => {
    const hash = chainHash(prev, auditPayload(e));
    const row = { ...e, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}
const fakeTx = (rows: unknown[]) => ({ auditEvent: { findMany: async () => rows } }) as unknown as Tx;

describe("audit chain", () => {
  test("the genesis hash is 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  test("the payload is canonical JSON of the fields in a fixed order, time in UTC ISO", () => {
    expect(auditPayload(event())).toBe(
      JSON.stringify(["p1", "u1", "case.transition", "Case", "c1", "c1", '{"from":"filed","to":"investigating"}', "2026-01-05T01:02:03.004Z"]),
    );
    expect(auditPayload(event({ procuratorateId: null, data: null }))).toMatch(/^\[null,"u1",/);
  });

  test("chainHash = SHA-256(prev + newline + payload)", () => {
    const payload = auditPayload(event());
    const expected = createHash("sha256").update(`${GENESIS_HASH}\n${payload}`).digest("hex");
    expect(chainHash(GENESIS_HASH, payload)).toBe(expected);
    expect(chainHash(GENESIS_HASH, payload)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("every field takes part in the hash", () => {
    const base = chainHash(GENESIS_HASH, auditPayload(event()));
    const changes: Partial<Event>[] = [
      { procuratorateId: "p2" },
      { actorId: null },
      { action: "case.update" },
      { entityType: "Clue" },
      { entityId: "c2" },
      { caseId: null },
      { data: "{}" },
      { at: new Date("2026-01-05T01:02:03.005Z") },
    ];
    for (const change of changes) expect(chainHash(GENESIS_HASH, auditPayload(event(change))), JSON.stringify(change)).not.toBe(base);
    expect(chainHash("f".repeat(64), auditPayload(event()))).not.toBe(base);
  });

  test("field boundaries cannot be shifted (no ambiguous concatenation)", () => {
    const a = auditPayload(event({ entityType: "Case", entityId: "x" }));
    const b = auditPayload(event({ entityType: "Casex", entityId: "" }));
    expect(a).not.toBe(b);
  });

  test("verifyAuditChain accepts an intact chain and an empty log", async () => {
    expect(await verifyAuditChain(fakeTx([]))).toBeNull();
    expect(await verifyAuditChain(fakeTx(chain([event(), event({ action: "a2" }), event({ action: "a3" })])))).toBeNull();
  });

  test("verifyAuditChain names the first tampered event", async () => {
    const rows = chain([event(), event({ action: "a2" }), event({ action: "a3" })]);
    expect(await verifyAuditChain(fakeTx(rows.map((r) => (r.seq === 2 ? { ...r, data: '{"forged":true}' } : r))))).toBe(2);
    // Dropping an event breaks the link of the one after it.
    expect(await verifyAuditChain(fakeTx([rows[0], rows[2]]))).toBe(3);
    // Re-hashing a forged event still breaks the next link.
    const forged = { ...rows[1]!, action: "forged" };
    forged.hash = chainHash(forged.prevHash, auditPayload(forged));
    expect(await verifyAuditChain(fakeTx([rows[0], forged, rows[2]]))).toBe(3);
  });
});
