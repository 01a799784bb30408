import { describe, expect, test } from "vitest";
import { cursorFromUrl, decodeCursor, encodeCursor, keysetPage } from "~/utils/keyset";

const url = (qs: string) => new URL(`http://procura.test/cases?${qs}`);

describe("cursors", () => {
  test("round-trip through the URL", () => {
    const key = ["2026-11-26T08:00:00.000+00:00", "ck1"];
    expect(decodeCursor(encodeCursor(key), 2)).toEqual(key);
    expect(cursorFromUrl(url(`after=${encodeCursor(key)}`), 2)).toEqual({ dir: "after", key });
    expect(cursorFromUrl(url(`before=${encodeCursor(key)}`), 2)).toEqual({ dir: "before", key });
  });
  test("a bad, edited, oversized or wrong-arity cursor reads as the first page", () => {
    expect(cursorFromUrl(url("after=%%%"), 2)).toBeNull();
    expect(cursorFromUrl(url("after=bm90IGpzb24"), 2)).toBeNull(); // "not json"
    expect(cursorFromUrl(url(`after=${encodeCursor(["a"])}`), 2)).toBeNull();
    expect(cursorFromUrl(url(`after=${encodeCursor([{ x: 1 } as never, "b"])}`), 2)).toBeNull();
    expect(cursorFromUrl(url(`after=${"A".repeat(2000)}`), 2)).toBeNull();
    expect(cursorFromUrl(url(""), 2)).toBeNull();
  });
});

describe("keysetPage", () => {
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ k: from + i }));
  const keyOf = (r: { k: number }) => [r.k];
  test("first page: next when there is one more row, no previous", () => {
    const page = keysetPage(rows(1, 4), 3, null, keyOf);
    expect(page.items.map((r) => r.k)).toEqual([1, 2, 3]);
    expect(decodeCursor(page.next, 1)).toEqual([3]);
    expect(page.prev).toBeNull();
  });
  test("a page after a cursor has a previous page; the last has no next", () => {
    const page = keysetPage(rows(4, 2), 3, { dir: "after", key: [3] }, keyOf);
    expect(page.next).toBeNull();
    expect(decodeCursor(page.prev, 1)).toEqual([4]);
  });
  test("a page before a cursor comes back reversed into display order", () => {
    const fetched = [{ k: 3 }, { k: 2 }, { k: 1 }];
    const page = keysetPage(fetched, 3, { dir: "before", key: [4] }, keyOf);
    expect(page.items.map((r) => r.k)).toEqual([1, 2, 3]);
    expect(page.prev).toBeNull(); // nothing more before
    expect(decodeCursor(page.next, 1)).toEqual([3]);
  });
});
