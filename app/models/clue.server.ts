import type { ClueListFilter } from "~/domain/case/schemas";
import { PAGE_SIZE } from "~/domain/case/schemas";
import { informantView, mayRevealClueInformant } from "~/domain/privacy/mask";
import type { Sql } from "~/utils/db.server";
import { prisma, sql, sqlEmpty, sqlJoin, sqlRaw } from "~/utils/db.server";
import { notFound } from "~/utils/errors";
import type { Cursor } from "~/utils/keyset";
import { keysetPage } from "~/utils/keyset";

// Read side of clues (线索, 规则 Arts 24–30). Every function takes the procuratorate first and
// filters by it. Informant data never leaves this module unmasked: the registrar and the assignee
// (个人信息保护法 Art 34) see it in full only through the explicit, audited "show identity" action
// (showClueInformant in clue-workflow.server.ts; docs/decisions/0012-view-events.md).

/** Every clue cursor is (receivedOn, id). */
export const CLUE_CURSOR_ARITY = 2;
/** Counts with a source filter stop here ("more than 10,000"). */
const CLUE_COUNT_CAP = 10_000;

/**
 * The clue register: newest received first (then by id), by keyset pages over the index
 * (procuratorateId[, status], receivedOn, id), with the cases filed from each clue and the count
 * of clues per status (an index-only count of the procuratorate's clues).
 */
export async function listClues(procuratorateId: string, filter: ClueListFilter, cursor: Cursor | null = null) {
  const conditions: Sql[] = [];
  if (filter.status) conditions.push(sql`AND k."status" = ${filter.status}`);
  if (filter.source) conditions.push(sql`AND k."source" = ${filter.source}`);
  const filters = conditions.length ? sqlJoin(conditions, " ") : sqlEmpty;
  const backwards = cursor?.dir === "before";
  const seek = cursor ? sql`AND (k."receivedOn", k."id") ${sqlRaw(backwards ? ">" : "<")} (${sqlJoin(cursor.key)})` : sqlEmpty;
  const order = sqlRaw(backwards ? `k."receivedOn" ASC, k."id" ASC` : `k."receivedOn" DESC, k."id" DESC`);
  const [keys, byStatus, sourceCount] = await Promise.all([
    prisma.$queryRaw<{ id: string; receivedOn: string }[]>`
      SELECT k."id", k."receivedOn" FROM "Clue" k
      WHERE k."procuratorateId" = ${procuratorateId} ${filters} ${seek}
      ORDER BY ${order} LIMIT ${PAGE_SIZE + 1}`,
    prisma.clue.groupBy({ by: ["status"], where: { procuratorateId }, _count: { _all: true } }),
    filter.source
      ? prisma.$queryRaw<{ n: number | bigint }[]>`
          SELECT count(*) AS n FROM (SELECT 1 FROM "Clue" k
            WHERE k."procuratorateId" = ${procuratorateId} ${filters} LIMIT ${CLUE_COUNT_CAP + 1})`
      : null,
  ]);
  const page = keysetPage(keys, PAGE_SIZE, cursor, (k) => [k.receivedOn, k.id]);
  const ids = page.items.map((k) => k.id);
  // The page's rows in full: at most PAGE_SIZE ids, in the keyset order.
  const rows = ids.length
    ? await prisma.clue.findMany({
        where: { procuratorateId, id: { in: ids } },
        select: {
          id: true,
          number: true,
          source: true,
          receivedOn: true,
          summary: true,
          field: true,
          status: true,
          assignee: { select: { displayName: true } },
          cases: {
            where: { procuratorateId },
            orderBy: { createdAt: "asc" },
            select: { id: true, number: true, title: true, state: true },
          },
        },
      })
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => byId.get(id) ?? []);

  const statusCounts: Record<string, number> = {};
  for (const row of byStatus) statusCounts[row.status] = row._count._all;
  const all = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const n = sourceCount ? Number(sourceCount[0]?.n ?? 0) : filter.status ? (statusCounts[filter.status] ?? 0) : all;
  return {
    items,
    total: Math.min(n, CLUE_COUNT_CAP),
    capped: n > CLUE_COUNT_CAP,
    next: page.next,
    prev: page.prev,
    statusCounts,
  };
}

/**
 * One clue with its evaluation and linked cases (with their pending approvals); the informant
 * always masked, and whether the viewer may ask to see it in full.
 */
export async function getClue(procuratorateId: string, clueId: string, viewerId: string) {
  const clue = await prisma.clue.findFirst({
    where: { id: clueId, procuratorateId },
    select: {
      id: true,
      number: true,
      source: true,
      receivedOn: true,
      summary: true,
      field: true,
      location: true,
      status: true,
      evaluation: true,
      transferredTo: true,
      transferredOn: true,
      informantName: true,
      informantPhone: true,
      informantIdNumber: true,
      registeredById: true,
      assigneeId: true,
      createdAt: true,
      updatedAt: true,
      registeredBy: { select: { displayName: true } },
      assignee: { select: { displayName: true } },
      procuratorate: { select: { clueEvaluationDays: true } },
      cases: {
        where: { procuratorateId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          number: true,
          title: true,
          state: true,
          filedOn: true,
          respondentUnknown: true,
          respondentAgency: { select: { name: true } },
          leadProsecutor: { select: { displayName: true } },
          approvals: {
            where: { procuratorateId, decision: "pending" },
            orderBy: { requestedAt: "asc" },
            select: { id: true, kind: true },
          },
        },
      },
    },
  });
  if (!clue) notFound();
  const { informantName, informantPhone, informantIdNumber, procuratorate, ...rest } = clue;
  return {
    ...rest,
    clueEvaluationDays: procuratorate.clueEvaluationDays,
    informant: informantView({ name: informantName, phone: informantPhone, idNumber: informantIdNumber }, false),
    /** Whether the viewer is one of those who may show the identity (the route also checks the role). */
    mayShowInformant: mayRevealClueInformant(viewerId, { registeredById: clue.registeredById, assigneeId: clue.assigneeId }),
  };
}

export type ClueDetail = Awaited<ReturnType<typeof getClue>>;

/** The clue's id within the procuratorate, or 404: actions check scope before reading the form. */
export async function clueRef(procuratorateId: string, clueId: string) {
  const clue = await prisma.clue.findFirst({ where: { id: clueId, procuratorateId }, select: { id: true } });
  if (!clue) notFound();
  return clue;
}
