import type { NumberedDocumentKind } from "~/domain/numbering/format";
import {
  NUMBERED_DOCUMENT_KINDS,
  REGISTER_COUNTER_KEY,
  formatDocumentNumber,
  formatRegisterNumber,
  registerSeqOf,
} from "~/domain/numbering/format";
import { recordAudit } from "~/models/audit.server";
import type { Tx } from "~/utils/db.server";
import { prisma } from "~/utils/db.server";
import { orNotFound } from "~/utils/errors";

// The one number allocator: a counter per (procuratorate, code, year) in DocumentNumberCounter,
// advanced by one atomic upsert, so numbers are sequential with no gap or duplicate however many
// requests allocate at once, and a new year starts at 1. Numbers are taken inside the caller's
// transaction: a rolled-back write gives its number back.

/** The next sequence number of (procuratorate, key, year), starting at 1 (or after `floor`). */
async function nextSeq(tx: Tx, procuratorateId: string, key: string, year: number, floor?: () => Promise<number>) {
  if (floor) {
    const exists = await tx.documentNumberCounter.findUnique({
      where: { procuratorateId_code_year: { procuratorateId, code: key, year } },
      select: { last: true },
    });
    if (!exists) {
      const start = await floor();
      await tx.$executeRaw`INSERT INTO "DocumentNumberCounter" ("procuratorateId", "code", "year", "last")
        VALUES (${procuratorateId}, ${key}, ${year}, ${start}) ON CONFLICT DO NOTHING`;
    }
  }
  // One statement reads and advances the counter (SQLite and PostgreSQL both accept it).
  const rows = await tx.$queryRaw<{ last: number | bigint }[]>`INSERT INTO "DocumentNumberCounter" ("procuratorateId", "code", "year", "last")
    VALUES (${procuratorateId}, ${key}, ${year}, 1)
    ON CONFLICT ("procuratorateId", "code", "year") DO UPDATE SET "last" = "DocumentNumberCounter"."last" + 1
    RETURNING "last"`;
  const row = rows[0];
  if (!row) throw new Error("number allocation returned no row");
  return Number(row.last);
}

/** The raw allocator, for tests and for the two callers below. */
export function allocateSeq(tx: Tx, input: { procuratorateId: string; code: string; year: number }) {
  return nextSeq(tx, input.procuratorateId, input.code, input.year);
}

/**
 * The next 文号 of a document kind, or null when the procuratorate has no code for that kind: the
 * document is then issued without a number (no code is ever invented).
 */
export async function allocateDocumentNumber(
  tx: Tx,
  procuratorateId: string,
  kind: NumberedDocumentKind,
  year: number,
): Promise<{ number: string; code: string; seq: number } | null> {
  const [code, procuratorate] = await Promise.all([
    tx.documentNumberCode.findUnique({ where: { procuratorateId_kind: { procuratorateId, kind } }, select: { code: true } }),
    tx.procuratorate.findUnique({ where: { id: procuratorateId }, select: { shortName: true } }),
  ]);
  if (!code || !procuratorate) return null;
  const seq = await nextSeq(tx, procuratorateId, code.code, year);
  return { number: formatDocumentNumber({ shortName: procuratorate.shortName, code: code.code, year, seq }), code: code.code, seq };
}

/**
 * The next register number (Case.number, YYYY-行公-NNN) of the year, under its own counter key.
 * A procuratorate whose cases were numbered before the counter existed continues after the
 * highest number already on file for that year.
 */
export async function allocateRegisterNumber(tx: Tx, procuratorateId: string, year: number): Promise<string> {
  const seq = await nextSeq(tx, procuratorateId, REGISTER_COUNTER_KEY, year, async () => {
    const numbered = await tx.case.findMany({
      where: { procuratorateId, number: { startsWith: `${year}-行公-` } },
      select: { number: true },
    });
    return numbered.reduce((max, c) => Math.max(max, registerSeqOf(c.number, year) ?? 0), 0);
  });
  return formatRegisterNumber(year, seq);
}

// ── the administrator's codes (/admin/numbering) ──

/** Each numbered document kind with its code (or none), and this year's last number per code. */
export async function listNumberCodes(procuratorateId: string, year: number) {
  const [procuratorate, codes, counters] = await Promise.all([
    prisma.procuratorate.findUnique({ where: { id: procuratorateId }, select: { shortName: true } }),
    prisma.documentNumberCode.findMany({ where: { procuratorateId }, select: { kind: true, code: true } }),
    prisma.documentNumberCounter.findMany({ where: { procuratorateId, year }, select: { code: true, last: true } }),
  ]);
  const last = new Map(counters.map((c) => [c.code, c.last]));
  const codeOf = new Map(codes.map((c) => [c.kind, c.code]));
  const shortName = orNotFound(procuratorate).shortName;
  return {
    shortName,
    year,
    rows: NUMBERED_DOCUMENT_KINDS.map((kind) => {
      const code = codeOf.get(kind) ?? null;
      const used = code ? (last.get(code) ?? 0) : null;
      return {
        kind,
        code,
        last: used,
        next: code ? formatDocumentNumber({ shortName, code, year, seq: (used ?? 0) + 1 }) : null,
      };
    }),
  };
}

/** Sets (or, with no code, removes) the 文号 code of a document kind, with its audit event. */
export async function setNumberCode(
  procuratorateId: string,
  actorId: string,
  input: { kind: NumberedDocumentKind; code?: string },
) {
  return prisma.$transaction(async (tx) => {
    orNotFound(await tx.procuratorate.findUnique({ where: { id: procuratorateId }, select: { id: true } }));
    const where = { procuratorateId_kind: { procuratorateId, kind: input.kind } };
    const before = await tx.documentNumberCode.findUnique({ where, select: { code: true } });
    if ((before?.code ?? null) === (input.code ?? null)) return { changed: false };
    if (input.code) {
      await tx.documentNumberCode.upsert({
        where,
        create: { procuratorateId, kind: input.kind, code: input.code },
        update: { code: input.code },
      });
    } else {
      await tx.documentNumberCode.delete({ where });
    }
    await recordAudit(tx, {
      procuratorateId,
      actorId,
      action: "numbering.code.set",
      entityType: "DocumentNumberCode",
      entityId: input.kind,
      data: { kind: input.kind, before: before?.code ?? null, after: input.code ?? null },
    });
    return { changed: true };
  });
}
