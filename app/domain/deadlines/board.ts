import { z } from "zod";
import { DUE_SOON_DAYS } from "~/domain/deadlines/compute";
import type { IsoDate } from "~/domain/deadlines/dates";
import { addDays, isIsoDate } from "~/domain/deadlines/dates";
import { liveDeadlineKindSchema } from "~/domain/deadlines/live";

// The deadline board (/deadlines): its filters and its keyset cursor, both kept in the URL. Pure,
// so the route, the model and the tests read them the same way.

export const BOARD_PAGE_SIZE = 50;
/** Counts stop here and show "1000+": a count never reads more than this many index entries. */
export const BOARD_COUNT_CAP = 1000;
/** "Mine" counts check each row's cases, so they stop sooner: "100+". */
export const MINE_COUNT_CAP = 100;
/** The "due within N days" filter: N from 1 to a year; 7 by default. */
export const WITHIN_DEFAULT_DAYS = 7;
export const WITHIN_MAX_DAYS = 366;

/**
 * Status of a live deadline on the board: overdue (running, due before today), due soon (running,
 * due from today to DUE_SOON_DAYS ahead), within (running, due from today to `days` ahead), running
 * (not paused, due today or later), paused (the case is suspended, 规则 Art 78).
 */
export const BOARD_STATUSES = ["all", "overdue", "due_soon", "within", "running", "paused"] as const;
export const boardStatusSchema = z.enum(BOARD_STATUSES);
export type BoardStatus = z.infer<typeof boardStatusSchema>;

export const BOARD_SCOPES = ["all", "mine"] as const;
export type BoardScope = (typeof BOARD_SCOPES)[number];

export type BoardFilter = {
  kind?: z.infer<typeof liveDeadlineKindSchema>;
  status: BoardStatus;
  /** Only used by status "within". */
  days: number;
  /** "mine": the deadlines of the cases the viewer leads or works on. */
  scope: BoardScope;
};

/** The board's position: after (next page) or before (previous page) one row's sort key. */
export type BoardCursor = { dir: "after" | "before"; dueOn: string; id: string };

const filterSchema = z.object({
  kind: liveDeadlineKindSchema.optional(),
  status: boardStatusSchema.default("all"),
  days: z.coerce.number().int().min(1).max(WITHIN_MAX_DAYS).default(WITHIN_DEFAULT_DAYS),
  scope: z.enum(BOARD_SCOPES).default("all"),
});

const CURSOR_RE = /^(\d{4}-\d{2}-\d{2})~([A-Za-z0-9_-]{1,64})$/;

export type BoardQuery =
  | { ok: true; filter: BoardFilter; cursor: BoardCursor | null }
  | { ok: false; filter: BoardFilter; error: "badFilter" | "badCursor" };

/**
 * Reads the board's search parameters. An unknown filter value or a cursor that is not one of
 * ours is an error (the page says so and shows the first page with what could be read).
 */
export function parseBoardQuery(params: URLSearchParams): BoardQuery {
  const raw = {
    kind: params.get("kind") || undefined,
    status: params.get("status") || undefined,
    days: params.get("days") || undefined,
    scope: params.get("scope") || undefined,
  };
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    // Keep the parts that are valid, so the reset page stays as close as possible to the link.
    const lenient = filterSchema
      .extend({
        kind: filterSchema.shape.kind.catch(undefined),
        status: filterSchema.shape.status.catch("all"),
        days: filterSchema.shape.days.catch(WITHIN_DEFAULT_DAYS),
        scope: filterSchema.shape.scope.catch("all"),
      })
      .parse(raw);
    return { ok: false, filter: lenient, error: "badFilter" };
  }
  const filter = parsed.data;
  const after = params.get("after");
  const before = params.get("before");
  if (after && before) return { ok: false, filter, error: "badCursor" };
  const token = after ?? before;
  if (!token) return { ok: true, filter, cursor: null };
  const m = CURSOR_RE.exec(token);
  if (!m || !isIsoDate(m[1])) return { ok: false, filter, error: "badCursor" };
  return { ok: true, filter, cursor: { dir: after ? "after" : "before", dueOn: m[1]!, id: m[2]! } };
}

export function cursorToken(row: { dueOn: string; id: string }) {
  return `${row.dueOn}~${row.id}`;
}

/** The URL search of a board view (defaults left out), with an optional cursor. */
export function boardSearch(filter: BoardFilter, cursor?: { after?: string; before?: string }) {
  const p = new URLSearchParams();
  if (filter.scope !== "all") p.set("scope", filter.scope);
  if (filter.kind) p.set("kind", filter.kind);
  if (filter.status !== "all") p.set("status", filter.status);
  if (filter.status === "within" && filter.days !== WITHIN_DEFAULT_DAYS) p.set("days", String(filter.days));
  if (cursor?.after) p.set("after", cursor.after);
  if (cursor?.before) p.set("before", cursor.before);
  const q = p.toString();
  return q ? `?${q}` : "";
}

/** The due-date window of a status, as inclusive ISO date bounds (null: open), with `today`. */
export function statusWindow(
  status: BoardStatus,
  days: number,
  today: IsoDate
): { paused: boolean | null; from: IsoDate | null; to: IsoDate | null } {
  switch (status) {
    case "overdue":
      return { paused: false, from: null, to: addDays(today, -1) };
    case "due_soon":
      return { paused: false, from: today, to: addDays(today, DUE_SOON_DAYS) };
    case "within":
      return { paused: false, from: today, to: addDays(today, days) };
    case "running":
      return { paused: false, from: today, to: null };
    case "paused":
      return { paused: true, from: null, to: null };
    default:
      return { paused: null, from: null, to: null };
  }
}

/** A bounded count (counted up to cap + 1) for display: "1000+" past the cap. */
export function formatBoundedCount(n: number, cap: number = BOARD_COUNT_CAP) {
  return n > cap ? `${cap}+` : String(n);
}
