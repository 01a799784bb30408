import type { BoardCursor, BoardFilter } from "~/domain/deadlines/board";
import {
  BOARD_COUNT_CAP,
  BOARD_PAGE_SIZE,
  cursorToken,
  MINE_COUNT_CAP,
  statusWindow,
  WITHIN_DEFAULT_DAYS,
} from "~/domain/deadlines/board";
import type { IsoDate } from "~/domain/deadlines/dates";
import { dateInShanghai } from "~/domain/deadlines/dates";
import type { LiveDeadline } from "~/models/deadline.server";
import { calendarNotices, storedSelect, toLive } from "~/models/deadline.server";
import { cachedDeadlineCount } from "~/models/deadline-cache.server";
import { prisma, sql, sqlJoin } from "~/utils/db.server";
import { badRequest } from "~/utils/errors";

// The deadline board: the stored live deadlines (Deadline, DeadlineCase) of one procuratorate, a
// page at a time in (dueOn, id) order with a keyset cursor, and bounded counts. Each query walks an
// index of Deadline (procuratorateId, dueOn, id), (procuratorateId, kind, dueOn, id) or the partial
// index of paused rows (migration 20261201053000/1), so a page costs the same at any size.
// SQLite-specific SQL (row values, LIMIT in a counted subquery) stays in this file.

export type BoardOptions = {
  filter: BoardFilter;
  /** The viewer: required when filter.scope is "mine" (the cases they lead or work on). */
  userId?: string;
  /** "Today" in Asia/Shanghai; tests pass a fixed day. */
  today?: IsoDate;
  /** How "mine" finds rows; chosen by the viewer's case load unless given (tests compare both). */
  mineStrategy?: "walk" | "drive";
};

export type BoardPageOptions = BoardOptions & { cursor?: BoardCursor | null; pageSize?: number };

export type BoardPage = {
  /** The page's deadlines, each with its row id (the cursor's tie-break). */
  items: (LiveDeadline & { id: string })[];
  /** Cursor tokens of the neighbouring pages (null: none). */
  next: string | null;
  prev: string | null;
};

export type BoardCounts = { total: number; overdue: number; dueSoon: number; within: number; paused: number };

/** The cap of a filter's counts: lower for "mine", whose rows each need a look at their cases. */
export function countCapFor(filter: BoardFilter) {
  return filter.scope === "mine" ? MINE_COUNT_CAP : BOARD_COUNT_CAP;
}

/**
 * How a "mine" query finds the viewer's deadlines. walk: along the board's index, checking each
 * row's cases (cheap when the viewer has many of the procuratorate's cases); drive: from the
 * viewer's cases through DeadlineCase, then sort (cheap when they have few). Chosen per request by
 * a bounded count of the viewer's cases (MINE_DRIVE_MAX_CASES).
 */
type Mine = { userId: string; strategy: "walk" | "drive" } | null;

/** Up to this many own cases, "mine" starts from the cases; beyond it, from the index. */
export const MINE_DRIVE_MAX_CASES = 2000;

async function mineFor(procuratorateId: string, options: BoardOptions): Promise<Mine> {
  const { filter, userId } = options;
  if (filter.scope !== "mine") return null;
  if (!userId) badRequest();
  if (options.mineStrategy) return { userId, strategy: options.mineStrategy };
  const cap = MINE_DRIVE_MAX_CASES + 1;
  // +procuratorateId: walk the lead's index, not the procuratorate's (90,000 rows at a province).
  const [row] = await prisma.$queryRaw<{ lead: bigint | number; member: bigint | number }[]>`
    SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM "Case" c WHERE c."leadProsecutorId" = ${userId} AND +c."procuratorateId" = ${procuratorateId} LIMIT ${cap})) AS "lead",
      (SELECT COUNT(*) FROM (SELECT 1 FROM "CaseMember" m WHERE m."userId" = ${userId} LIMIT ${cap})) AS "member"`;
  const load = Number(row?.lead ?? 0) + Number(row?.member ?? 0);
  return { userId, strategy: load > MINE_DRIVE_MAX_CASES ? "walk" : "drive" };
}

/** FROM and WHERE of a board query (alias d for Deadline; `distinct` when driven from cases). */
function boardQuery(procuratorateId: string, today: IsoDate, filter: BoardFilter, mine: Mine) {
  const parts = [
    sql`d."procuratorateId" = ${procuratorateId}`,
    // A hearing's notice drops out once the hearing day has passed.
    sql`NOT (d."kind" = 'hearing_notice' AND d."triggerOn" < ${today})`,
  ];
  if (filter.kind) parts.push(sql`d."kind" = ${filter.kind}`);
  const w = statusWindow(filter.status, filter.days, today);
  if (w.paused === true) parts.push(sql`d."pausedSince" IS NOT NULL`);
  if (w.paused === false) parts.push(sql`d."pausedSince" IS NULL`);
  if (w.from) parts.push(sql`d."dueOn" >= ${w.from}`);
  if (w.to) parts.push(sql`d."dueOn" <= ${w.to}`);
  if (mine?.strategy === "walk")
    parts.push(sql`EXISTS (
      SELECT 1 FROM "DeadlineCase" dc JOIN "Case" c ON c."id" = dc."caseId"
      WHERE dc."deadlineId" = d."id" AND (c."leadProsecutorId" = ${mine.userId}
        OR EXISTS (SELECT 1 FROM "CaseMember" m WHERE m."caseId" = c."id" AND m."userId" = ${mine.userId})))`);
  // CROSS JOIN fixes the join order: the viewer's cases, their deadline links, then the rows.
  const from =
    mine?.strategy === "drive"
      ? sql`(SELECT c."id" FROM "Case" c WHERE c."leadProsecutorId" = ${mine.userId} AND c."procuratorateId" = ${procuratorateId}
            UNION SELECT m."caseId" FROM "CaseMember" m WHERE m."userId" = ${mine.userId}) mc
          CROSS JOIN "DeadlineCase" dc ON dc."caseId" = mc."id"
          CROSS JOIN "Deadline" d ON d."id" = dc."deadlineId"`
      : sql`"Deadline" d`;
  // A hearing's notice links several cases: driven from cases, a row may come twice.
  const group = mine?.strategy === "drive" ? sql` GROUP BY d."id"` : sql``;
  return { from, where: sqlJoin(parts, " AND "), group };
}

/** The ids of one page, in board order, and whether more rows lie beyond it in that direction. */
async function pageKeys(procuratorateId: string, today: IsoDate, options: BoardPageOptions, size: number) {
  const mine = await mineFor(procuratorateId, options);
  const { from, where, group } = boardQuery(procuratorateId, today, options.filter, mine);
  const c = options.cursor;
  type Key = { id: string; dueOn: string };
  const rows = !c
    ? await prisma.$queryRaw<Key[]>`
        SELECT d."id", d."dueOn" FROM ${from} WHERE ${where}${group}
        ORDER BY d."dueOn" ASC, d."id" ASC LIMIT ${size + 1}`
    : c.dir === "after"
      ? await prisma.$queryRaw<Key[]>`
        SELECT d."id", d."dueOn" FROM ${from} WHERE ${where} AND (d."dueOn", d."id") > (${c.dueOn}, ${c.id})${group}
        ORDER BY d."dueOn" ASC, d."id" ASC LIMIT ${size + 1}`
      : await prisma.$queryRaw<Key[]>`
        SELECT d."id", d."dueOn" FROM ${from} WHERE ${where} AND (d."dueOn", d."id") < (${c.dueOn}, ${c.id})${group}
        ORDER BY d."dueOn" DESC, d."id" DESC LIMIT ${size + 1}`;
  const more = rows.length > size;
  const page = rows.slice(0, size);
  if (c?.dir === "before") page.reverse();
  return { page, more };
}

/**
 * One page of the board, soonest due first, ties by id. `cursor` is where the last page ended
 * (after) or the next one began (before); a cursor that names no row still pages from its place.
 */
export async function deadlineBoardPage(procuratorateId: string, options: BoardPageOptions): Promise<BoardPage> {
  const today = options.today ?? dateInShanghai();
  const size = options.pageSize ?? BOARD_PAGE_SIZE;
  const { page, more } = await pageKeys(procuratorateId, today, options, size);
  const rows = page.length
    ? await prisma.deadline.findMany({
        // By primary key alone: with procuratorateId beside it SQLite walks the procuratorate's
        // index instead. The ids come from the scoped query; the scope is checked again below.
        where: { id: { in: page.map((r) => r.id) } },
        select: { id: true, procuratorateId: true, ...storedSelect },
      })
    : [];
  const byId = new Map(rows.filter((r) => r.procuratorateId === procuratorateId).map((r) => [r.id, r]));
  const items = page.flatMap((k) => {
    const row = byId.get(k.id);
    return row ? [{ ...toLive(row, today), id: row.id }] : [];
  });
  const first = page[0];
  const last = page.at(-1);
  const dir = options.cursor?.dir;
  return {
    items,
    next: last && (dir === "before" || more) ? cursorToken(last) : null,
    prev: first && (dir === "after" || (dir === "before" && more)) ? cursorToken(first) : null,
  };
}

/** One bounded count: how many rows match, reading at most cap + 1 of them. */
function boundedCount(procuratorateId: string, today: IsoDate, filter: BoardFilter, mine: Mine, cap: number) {
  const { from, where, group } = boardQuery(procuratorateId, today, filter, mine);
  return sql`(SELECT COUNT(*) FROM (SELECT d."id" FROM ${from} WHERE ${where}${group} LIMIT ${cap + 1}))`;
}

/**
 * The board's counts for the kind and scope filtered (whatever the status filter), each bounded:
 * a number above the returned `cap` means "more than cap". One statement, one index range per count.
 */
export async function deadlineBoardCounts(
  procuratorateId: string,
  options: BoardOptions & { cap?: number }
): Promise<BoardCounts & { cap: number }> {
  const today = options.today ?? dateInShanghai();
  const cap = options.cap ?? countCapFor(options.filter);
  const base = options.filter;
  const mine = await mineFor(procuratorateId, options);
  const days = base.status === "within" ? base.days : WITHIN_DEFAULT_DAYS;
  const count = (status: BoardFilter["status"]) => boundedCount(procuratorateId, today, { ...base, status, days }, mine, cap);
  const [row] = await prisma.$queryRaw<Record<keyof BoardCounts, bigint | number>[]>`
    SELECT ${count("all")} AS "total", ${count("overdue")} AS "overdue", ${count("due_soon")} AS "dueSoon",
      ${count("within")} AS "within", ${count("paused")} AS "paused"`;
  return {
    total: Number(row?.total ?? 0),
    overdue: Number(row?.overdue ?? 0),
    dueSoon: Number(row?.dueSoon ?? 0),
    within: Number(row?.within ?? 0),
    paused: Number(row?.paused ?? 0),
    cap,
  };
}

/** One bounded count of a board filter (the navigation's overdue badge, the /work tiles). */
export async function countBoard(procuratorateId: string, options: BoardOptions & { cap?: number }) {
  const today = options.today ?? dateInShanghai();
  const mine = await mineFor(procuratorateId, options);
  const [row] = await prisma.$queryRaw<{ n: bigint | number }[]>`
    SELECT ${boundedCount(procuratorateId, today, options.filter, mine, options.cap ?? countCapFor(options.filter))} AS "n"`;
  return Number(row?.n ?? 0);
}

/** The board: one page, the counts, and the holiday-calendar notices of the years it touches. */
export async function deadlineBoard(procuratorateId: string, options: BoardPageOptions) {
  const today = options.today ?? dateInShanghai();
  const [page, counts] = await Promise.all([
    deadlineBoardPage(procuratorateId, { ...options, today }),
    // The tallies change only with the deadlines, the teams or the date (deadline-cache.server.ts).
    cachedDeadlineCount(procuratorateId, today, `board-counts|${options.userId ?? ""}|${options.mineStrategy ?? ""}|${JSON.stringify(options.filter)}`, () =>
      deadlineBoardCounts(procuratorateId, { ...options, today })
    ),
  ]);
  const notices = await calendarNotices(procuratorateId, today, page.items);
  return { today, ...page, counts, ...notices };
}
