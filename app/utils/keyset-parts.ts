import type { Cursor, KeyValue } from "~/utils/keyset";
import { cursorFromUrl, keysetPage } from "~/utils/keyset";

// Keyset pages over a list made of parts read one after the other, each in its own index order
// (the agency portal: open replies soonest due first, then the others latest served first). A
// cursor is [part, ...the part's sort key]; a page that reaches the end of a part goes on with the
// start of the next (or, paging back, the end of the previous). Each part is read by its own
// bounded query, so a page reads at most `size + 1` rows of at most two parts.

/** One part's rows after (or before) a sort key, in that direction, at most `limit` of them. */
export type PartReader<T> = (part: number, seek: KeyValue[] | null, dir: "after" | "before", limit: number) => Promise<T[]>;

/**
 * The cursor of a parted list's URL: as cursorFromUrl, and a part number that is not one of the
 * list's parts reads as "first page" (a stale or edited link still opens the list).
 */
export function partedCursorFromUrl(url: URL, keyArity: number, parts: number): Cursor | null {
  const cursor = cursorFromUrl(url, keyArity + 1);
  if (!cursor) return null;
  const part = cursor.key[0];
  return typeof part === "number" && Number.isInteger(part) && part >= 0 && part < parts ? cursor : null;
}

/**
 * One page of a parted list: the rows in display order and the neighbouring pages' cursors.
 * `keyOf` gives a row's full cursor key, its part first.
 */
export async function partedPage<T>(
  parts: number,
  cursor: Cursor | null,
  size: number,
  read: PartReader<T>,
  keyOf: (row: T) => KeyValue[]
): Promise<{ items: T[]; next: string | null; prev: string | null }> {
  const dir = cursor?.dir ?? "after";
  let part = cursor ? Number(cursor.key[0]) : 0;
  const rows = await read(part, cursor ? cursor.key.slice(1) : null, dir, size + 1);
  const step = dir === "after" ? 1 : -1;
  for (part += step; rows.length < size + 1 && part >= 0 && part < parts; part += step) {
    rows.push(...(await read(part, null, dir, size + 1 - rows.length)));
  }
  return keysetPage(rows, size, cursor, keyOf);
}
