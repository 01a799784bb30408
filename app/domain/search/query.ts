// How a search box's text becomes full-text queries (docs/decisions/0013). Pure: the SQL lives in
// app/models/search.server.ts.

/** The kinds of record the index holds (one pair of FTS5 tables each). */
export const SEARCH_KINDS = ["case", "clue", "evidence"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** At most this many terms are used (the rest of a pasted paragraph is ignored). */
export const MAX_TERMS = 8;
/** Hits per result page. */
export const SEARCH_PAGE_SIZE = 20;
/** The newest this-many matches of the terms are read; filters and ranking work within them. */
export const SEARCH_SCAN_CAP = 5_000;
/** At most this many results are listed (and counted: "1,000+"). */
export const SEARCH_HIT_CAP = 1_000;
/** A search of one-character terms only reads the text of the newest this-many records. */
export const SINGLE_CHAR_SCAN = 2_000;
/** The first this-many results are ordered by relevance (bm25); the rest stay newest first. */
export const SEARCH_RANKED = 300;

export type SearchTerms = {
  /** Three characters or more: the trigram index. */
  trigram: string[];
  /** Exactly two characters (口罩, 垃圾, 污水): the bigram index. */
  bigram: string[];
  /** One character: a LIKE scan, the only case that reads the text itself. */
  single: string[];
};

/**
 * Splits the text into terms at white space (also the ideographic space U+3000) and sorts them by
 * length in characters (code points, so 𠮷 counts as one). Duplicates and empty terms are dropped.
 * Every term must appear in a match (AND).
 */
export function parseSearchTerms(text: string): SearchTerms {
  const terms = [...new Set(text.split(/[\s\u3000]+/u).filter(Boolean))].slice(0, MAX_TERMS);
  const out: SearchTerms = { trigram: [], bigram: [], single: [] };
  for (const term of terms) {
    const n = Array.from(term).length;
    (n >= 3 ? out.trigram : n === 2 ? out.bigram : out.single).push(term);
  }
  return out;
}

export function hasTerms(terms: SearchTerms): boolean {
  return terms.trigram.length + terms.bigram.length + terms.single.length > 0;
}

/**
 * An FTS5 query matching every term literally: each is a quoted string with `"` doubled, so the
 * user's text can never be read as query syntax (AND, NEAR, *, column filters).
 */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" AND ");
}
