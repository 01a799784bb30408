import { describe, expect, test } from "vitest";
import { pageWindow } from "~/utils/pagination";

describe("pageWindow", () => {
  test("an empty list still has one page", () => {
    expect(pageWindow(0, 1, 20)).toEqual({ page: 1, pages: 1, skip: 0, take: 20 });
  });

  test("counts a partly filled last page and skips the pages before the one asked for", () => {
    expect(pageWindow(41, 3, 20)).toEqual({ page: 3, pages: 3, skip: 40, take: 20 });
    expect(pageWindow(40, 2, 20)).toEqual({ page: 2, pages: 2, skip: 20, take: 20 });
  });

  test("clamps a page past the end to the last page, and one below 1 to the first", () => {
    expect(pageWindow(45, 9, 20)).toEqual({ page: 3, pages: 3, skip: 40, take: 20 });
    expect(pageWindow(45, 0, 20)).toEqual({ page: 1, pages: 3, skip: 0, take: 20 });
  });
});
