import type { PrismaClient } from "~/generated/prisma/client";

/**
 * The authorization matrix (tests/integration/authorization-matrix.test.ts) calls every route's
 * loader (GET) and action (POST, empty form) from the route manifest (app/routes.ts) as each demo
 * role and as an anonymous visitor, and compares the answer with these expectations. Every route
 * module needs an entry, keyed by its route id ("routes/_staff.cases.$caseId"); each area keeps
 * its entries in its own file tests/authz/<area>.ts exporting `expectations`.
 */
export type Who = "anonymous" | "prosecutor" | "approver" | "admin" | "panelist" | "agency";

/**
 * 200 ok · "login" redirect to /login · "redirect" any other redirect · 400 invalid input ·
 * 403 not allowed · 404 not found or out of scope · 405 method not allowed (no action) · 409.
 */
export type Outcome = 200 | "login" | "redirect" | 400 | 403 | 404 | 405 | 409 | 429;

export type Params = Record<string, string>;

export type ParamSets = {
  /** Params of records the actor may see (a case of their procuratorate, a hearing they sit on). */
  inScope: Params;
  /** Params of a record outside the actor's scope (another procuratorate, agency or hearing). */
  outOfScope?: Params;
};

export type ParamContext = {
  db: PrismaClient;
  who: Who;
  /** The demo user's id, null for anonymous. */
  userId: string | null;
};

export type RouteExpectation = {
  /** Needed for routes with dynamic segments; called once per role. */
  params?: (ctx: ParamContext) => Promise<ParamSets>;
  /** GET with in-scope params; omitted when the module has no loader. */
  loader?: Record<Who, Outcome>;
  /** POST with an empty form and in-scope params; omitted when the module has no action. */
  action?: Record<Who, Outcome>;
  /**
   * GET with out-of-scope params, for each role whose in-scope answer is 200.
   * Defaults to 404 (DESIGN.md: out of scope answers 404, not 403).
   */
  outOfScope?: Partial<Record<Who, Outcome>>;
};

export type Expectations = Record<string, RouteExpectation>;

/** Helpers for the common rows. */
export const only = (allowed: Partial<Record<Who, Outcome>>, others: Outcome = 403): Record<Who, Outcome> => ({
  anonymous: "login",
  prosecutor: others,
  approver: others,
  admin: others,
  panelist: others,
  agency: others,
  ...allowed,
});
