import type { IsoDate } from "~/domain/deadlines/dates";
import { prisma } from "~/utils/db.server";

// Counts derived from the stored deadlines (the navigation's overdue badge, the board's tallies)
// are read on every staff page. For a prosecutor on thousands of cases each one walks the
// procuratorate's deadlines (~20 ms at 100,000 cases), yet the answer changes only when a
// deadline, a case's team or lead, or the date changes. So each worker keeps them under a stamp:
// the Shanghai date and the procuratorate's DeadlineVersion, which triggers raise on every such
// change (migration 20261201080001). Reading the stamp is one primary-key lookup; a stale stamp
// recomputes. Nothing is shared between workers and nothing outlives the process.

/** Entries kept per worker; the oldest goes first (a Map keeps insertion order). */
export const DEADLINE_CACHE_MAX_ENTRIES = 5_000;

const entries = new Map<string, { stamp: string; value: unknown }>();

/** The procuratorate's deadline version: 0 before the first change was recorded. */
export async function deadlineVersion(procuratorateId: string): Promise<number> {
  const row = await prisma.deadlineVersion.findUnique({ where: { procuratorateId }, select: { version: true } });
  return row?.version ?? 0;
}

/**
 * `compute()` for the procuratorate's deadlines as of `today`, or the value this worker computed
 * under the same date and version. `key` names the count and everything else it depends on
 * (user, filter); it must not hold values the stamp does not cover.
 */
export async function cachedDeadlineCount<T>(
  procuratorateId: string,
  today: IsoDate,
  key: string,
  compute: () => Promise<T>
): Promise<T> {
  const stamp = `${today}#${await deadlineVersion(procuratorateId)}`;
  const id = `${procuratorateId}|${key}`;
  const hit = entries.get(id);
  if (hit && hit.stamp === stamp) return hit.value as T;
  const value = await compute();
  // The version may have moved while computing: store under the stamp read before, so a change
  // that raced the computation is recomputed next time rather than hidden.
  entries.delete(id);
  entries.set(id, { stamp, value });
  if (entries.size > DEADLINE_CACHE_MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** Forgets every cached count (tests that rewrite deadlines behind the triggers' back). */
export function clearDeadlineCache() {
  entries.clear();
}
