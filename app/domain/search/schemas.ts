import { z } from "zod";
import { SEARCH_MAX } from "~/domain/case/schemas";
import { SEARCH_KINDS } from "~/domain/search/query";
import { pageParamSchema } from "~/utils/pagination";

/** The tabs of /search: every kind at once, or one kind. */
export const SEARCH_SCOPES = ["all", ...SEARCH_KINDS] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];
/** Hits of each kind shown on the "all" tab. */
export const SEARCH_PREVIEW = 5;

/** The query string of /search (a GET form); a bad value reads as its default, never an error. */
export const searchPageSchema = z.object({
  q: z
    .string()
    .trim()
    .transform((s) => s.slice(0, SEARCH_MAX))
    .catch("")
    .default(""),
  kind: z.enum(SEARCH_SCOPES).catch("all").default("all"),
  page: pageParamSchema.default(1),
});
export type SearchPageQuery = z.infer<typeof searchPageSchema>;
