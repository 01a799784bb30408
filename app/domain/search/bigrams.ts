/**
 * The text the bigram index stores for `body`: every pair of adjacent characters (code points),
 * space separated, pairs holding a space skipped, starting positions capped at 10,000. FTS5's
 * unicode61 tokenizer then makes each pair one token, so a two-character term (口罩, 垃圾, 污水) is
 * one token lookup, which the trigram tokenizer cannot do.
 *
 * The triggers of migration 20261201050001_search_and_counts compute the same string in SQL
 * (BIGRAMS_SQL); this function is the bulk rebuild's faster twin, and a test holds them equal.
 */
export const BIGRAM_MAX_START = 10_000;

export function bigrams(body: string): string {
  const chars = Array.from(body);
  const last = Math.min(chars.length - 1, BIGRAM_MAX_START);
  const out: string[] = [];
  for (let i = 0; i < last; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if (a !== " " && b !== " ") out.push(a + b);
  }
  return out.join(" ");
}
