import { z } from "zod";

// Keyset ("seek") paging: a page is asked for by the sort key of the row it starts after (or
// before), never by an offset, so page 5,000 costs what page 1 costs. The cursor travels in the
// URL as base64url JSON; a cursor that does not decode reads as "first page" (a stale or edited
// link still opens the list).

export type KeyValue = string | number | null;
export type Cursor = { dir: "after" | "before"; key: KeyValue[] };

const keySchema = z.array(z.union([z.string().max(200), z.number(), z.null()])).min(1).max(6);

export function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export function decodeCursor(raw: string | null | undefined, arity: number): KeyValue[] | null {
  if (!raw || raw.length > 1_000) return null;
  try {
    const parsed = keySchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.length === arity ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The cursor of a list URL: ?after= wins over ?before=; none or a bad one: the first page. */
export function cursorFromUrl(url: URL, arity: number): Cursor | null {
  const after = decodeCursor(url.searchParams.get("after"), arity);
  if (after) return { dir: "after", key: after };
  const before = decodeCursor(url.searchParams.get("before"), arity);
  return before ? { dir: "before", key: before } : null;
}

/**
 * Given the rows fetched for a page (`size + 1` asked, in the cursor's direction), the page in
 * display order and the cursors of the neighbouring pages.
 */
export function keysetPage<T>(
  fetched: T[],
  size: number,
  cursor: Cursor | null,
  keyOf: (row: T) => KeyValue[],
): { items: T[]; next: string | null; prev: string | null } {
  const more = fetched.length > size;
  const rows = fetched.slice(0, size);
  if (cursor?.dir === "before") rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = cursor?.dir === "before" ? true : more;
  const hasPrev = cursor === null ? false : cursor.dir === "after" ? true : more;
  return {
    items: rows,
    next: hasNext && last ? encodeCursor(keyOf(last)) : null,
    prev: hasPrev && first ? encodeCursor(keyOf(first)) : null,
  };
}
