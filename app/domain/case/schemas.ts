import { pageParamSchema } from "~/utils/pagination";
import { z } from "zod";
import { CASE_FIELDS, CASE_STATES } from "~/domain/case/states";

/** Clue statuses (schema.prisma, model Clue). */
export const CLUE_STATUSES = ["registered", "evaluating", "filed", "not_filed", "transferred"] as const;
export const clueStatusSchema = z.enum(CLUE_STATUSES);
export type ClueStatus = z.infer<typeof clueStatusSchema>;

/** Clue sources (规则 Art 24). */
export const CLUE_SOURCES = ["report", "own_case", "platform", "referral", "deputy", "media", "volunteer", "other"] as const;
export const clueSourceSchema = z.enum(CLUE_SOURCES);

export const PAGE_SIZE = 20;
export const SEARCH_MAX = 100;

/** "" and absent both mean "no filter"; a value that does not parse is dropped, not an error. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional()).catch(undefined);

const page = pageParamSchema.default(1);

export const CASE_DUE_FILTERS = ["overdue", "soon"] as const;
/** Sorts of the work list: last update (newest first), register number, next due date (soonest first). */
export const CASE_SORTS = ["updated", "number", "due"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const DEFAULT_DUE_WITHIN = 7;

/** "none" selects the cases outside any series. */
export const NO_SERIES = "none";

/**
 * Filters of the case work list (/cases). Read from the query string of a GET form; a bad value
 * is ignored so a stale bookmark still opens the list.
 */
export const caseListFilterSchema = z.object({
  state: optional(z.enum([...CASE_STATES, "active"])),
  field: optional(z.enum(CASE_FIELDS)),
  series: optional(z.string().max(64)),
  /** Respondent agency id. */
  agency: optional(z.string().max(64)),
  /** Lead prosecutor's user id. */
  lead: optional(z.string().max(64)),
  /** overdue: the case's next due date has passed; soon: it falls within `within` days. */
  due: optional(z.enum(CASE_DUE_FILTERS)),
  within: z.coerce.number().int().min(0).max(365).catch(DEFAULT_DUE_WITHIN).default(DEFAULT_DUE_WITHIN),
  /** Absent: newest update first when browsing, relevance when searching. */
  sort: optional(z.enum(CASE_SORTS)),
  q: optional(z.string().trim().transform((s) => s.slice(0, SEARCH_MAX))),
  page,
});
export type CaseListFilter = z.infer<typeof caseListFilterSchema>;

/** The list's sort when none is chosen: by due date when filtering by it, else newest update first. */
export function defaultSort(filter: Pick<CaseListFilter, "sort" | "due">): CaseSort {
  return filter.sort ?? (filter.due ? "due" : "updated");
}

/** Filters of the clue list (/clues). */
export const clueListFilterSchema = z.object({
  status: optional(clueStatusSchema),
  source: optional(clueSourceSchema),
});
export type ClueListFilter = z.infer<typeof clueListFilterSchema>;

/** Parses a list filter from a URL; never throws. */
export function parseListFilter<S extends z.ZodType>(schema: S, url: URL): z.infer<S> {
  return schema.parse(Object.fromEntries(url.searchParams));
}

/**
 * Escapes LIKE wildcards so a search term matches literally: `50%` finds "50%", not "50…".
 * Use with `LIKE ? ESCAPE '\'`.
 */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
