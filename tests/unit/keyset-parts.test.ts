import { describe, expect, test } from "vitest";
import type { Cursor, KeyValue } from "~/utils/keyset";
import { decodeCursor, encodeCursor } from "~/utils/keyset";
import type { PartReader } from "~/utils/keyset-parts";
import { partedCursorFromUrl, partedPage } from "~/utils/keyset-parts";

// A list of two parts read one after the other: part 0 ascending, part 1 descending (as the agency
// portal's open replies by due date, then the others latest first).
type Row = { part: number; k: number };
const PARTS: number[][] = [
  [1, 2, 3, 4, 5, 6, 7],
  [90, 80, 70, 60, 50],
];
const list: Row[] = PARTS.flatMap((ks, part) => ks.map((k) => ({ part, k })));
const reads: { part: number; limit: number }[] = [];

const read: PartReader<Row> = async (part, seek, dir, limit) => {
  reads.push({ part, limit });
  const rows = list.filter((r) => r.part === part);
  // Position within the part's own order.
  const idx = seek ? rows.findIndex((r) => r.k === seek[0]) : dir === "after" ? -1 : rows.length;
  const out = dir === "after" ? rows.slice(idx + 1) : rows.slice(0, Math.max(idx, 0)).reverse();
  return out.slice(0, limit);
};
const keyOf = (r: Row): KeyValue[] => [r.part, r.k];
const cursor = (dir: Cursor["dir"], token: string | null): Cursor => ({
  dir,
  key: decodeCursor(token, 2)!,
});
const ks = (rows: Row[]) => rows.map((r) => r.k);

describe("partedPage", () => {
  test("pages forward through the first part into the second, reading at most size + 1 rows", async () => {
    reads.length = 0;
    const first = await partedPage(2, null, 5, read, keyOf);
    expect(ks(first.items)).toEqual([1, 2, 3, 4, 5]);
    expect(first.prev).toBeNull();
    expect(reads).toEqual([{ part: 0, limit: 6 }]);
    reads.length = 0;
    const second = await partedPage(2, cursor("after", first.next), 5, read, keyOf);
    expect(ks(second.items)).toEqual([6, 7, 90, 80, 70]);
    expect(reads).toEqual([
      { part: 0, limit: 6 },
      { part: 1, limit: 4 },
    ]);
    const third = await partedPage(2, cursor("after", second.next), 5, read, keyOf);
    expect(ks(third.items)).toEqual([60, 50]);
    expect(third.next).toBeNull();
    expect(decodeCursor(third.prev, 2)).toEqual([1, 60]);
  });

  test("pages back from the second part into the first", async () => {
    const third = await partedPage(2, { dir: "after", key: [1, 70] }, 5, read, keyOf);
    const back = await partedPage(2, cursor("before", third.prev), 5, read, keyOf);
    expect(ks(back.items)).toEqual([6, 7, 90, 80, 70]);
    expect(back.next).not.toBeNull();
    const start = await partedPage(2, cursor("before", back.prev), 5, read, keyOf);
    expect(ks(start.items)).toEqual([1, 2, 3, 4, 5]);
    expect(start.prev).toBeNull();
  });

  test("an empty first part starts with the second", async () => {
    const empty: PartReader<Row> = async (part, seek, dir, limit) => (part === 0 ? [] : read(part, seek, dir, limit));
    const page = await partedPage(2, null, 3, empty, keyOf);
    expect(ks(page.items)).toEqual([90, 80, 70]);
  });
});

describe("partedCursorFromUrl", () => {
  const url = (qs: string) => new URL(`http://procura.test/agency?${qs}`);
  test("a part that is not one of the list's reads as the first page", () => {
    expect(partedCursorFromUrl(url(`after=${encodeCursor([1, "2026-12-01", "x"])}`), 2, 2)).toEqual({
      dir: "after",
      key: [1, "2026-12-01", "x"],
    });
    for (const bad of [
      [2, "a", "b"],
      [-1, "a", "b"],
      [0.5, "a", "b"],
      ["0", "a", "b"],
    ]) {
      expect(partedCursorFromUrl(url(`after=${encodeCursor(bad as KeyValue[])}`), 2, 2)).toBeNull();
    }
    expect(partedCursorFromUrl(url("before=garbage"), 2, 2)).toBeNull();
    expect(partedCursorFromUrl(url(`after=${encodeCursor([0, "a"])}`), 2, 2)).toBeNull();
  });
});
