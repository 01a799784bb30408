import { z } from "zod";

/** The ?page= of a list: a whole number from 1; anything else reads as page 1. */
export const pageParamSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/**
 * One page of a list of `total` rows, `size` a page: the requested page clamped to 1..pages
 * (there is always at least one page, if empty), and the skip/take to fetch it with.
 */
export function pageWindow(total: number, requested: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pages);
  return { page, pages, skip: (page - 1) * size, take: size };
}
