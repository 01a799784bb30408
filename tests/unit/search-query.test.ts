import { describe, expect, test } from "vitest";
import { BIGRAM_MAX_START, bigrams } from "~/domain/search/bigrams";
import { ftsQuery, hasTerms, MAX_TERMS, parseSearchTerms } from "~/domain/search/query";
import { searchPageSchema } from "~/domain/search/schemas";

describe("parseSearchTerms", () => {
  test("sorts terms by length in characters: trigram (3+), bigram (2), single (1)", () => {
    expect(parseSearchTerms("口罩 饮用水源 罩 2026-行公")).toEqual({
      trigram: ["饮用水源", "2026-行公"],
      bigram: ["口罩"],
      single: ["罩"],
    });
  });
  test("splits at any white space, also the ideographic space, and drops duplicates", () => {
    expect(parseSearchTerms("  口罩\u3000垃圾\t口罩\n")).toEqual({ trigram: [], bigram: ["口罩", "垃圾"], single: [] });
  });
  test("counts code points, not UTF-16 units: 𠮷野 is two characters", () => {
    expect(parseSearchTerms("𠮷野").bigram).toEqual(["𠮷野"]);
  });
  test("keeps at most MAX_TERMS terms; nothing but spaces is no search", () => {
    const many = Array.from({ length: 20 }, (_, i) => `词${i}号`).join(" ");
    const t = parseSearchTerms(many);
    expect(t.trigram).toHaveLength(MAX_TERMS);
    expect(hasTerms(parseSearchTerms("   "))).toBe(false);
    expect(hasTerms(parseSearchTerms("罩"))).toBe(true);
  });
});

describe("ftsQuery", () => {
  test("quotes every term and doubles its quotes, so nothing is read as FTS5 syntax", () => {
    expect(ftsQuery(["口罩"])).toBe('"口罩"');
    expect(ftsQuery(['a"b', "NEAR(x"])).toBe('"a""b" AND "NEAR(x"');
    expect(ftsQuery(["OR", "*"])).toBe('"OR" AND "*"');
  });
});

describe("bigrams", () => {
  test("every adjacent pair, space separated; pairs holding a space are skipped", () => {
    expect(bigrams("废弃口罩")).toBe("废弃 弃口 口罩");
    expect(bigrams("口罩 垃圾")).toBe("口罩 垃圾");
    expect(bigrams("罩")).toBe("");
    expect(bigrams("")).toBe("");
    expect(bigrams("𠮷野家")).toBe("𠮷野 野家");
  });
  test("pairs start within the first BIGRAM_MAX_START characters (the SQL's SearchSeq)", () => {
    const long = "甲".repeat(BIGRAM_MAX_START + 50);
    expect(bigrams(long).split(" ")).toHaveLength(BIGRAM_MAX_START);
  });
});

describe("searchPageSchema", () => {
  test("bad values read as defaults, never an error", () => {
    expect(searchPageSchema.parse({ q: "  口罩 ", kind: "nope", page: "x" })).toEqual({ q: "口罩", kind: "all", page: 1 });
    expect(searchPageSchema.parse({})).toEqual({ q: "", kind: "all", page: 1 });
  });
});
