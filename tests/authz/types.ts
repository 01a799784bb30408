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
   * Writes outside the actor's scope, required for every module with an action (see WriteRow):
   * one row per thing the action writes by id (each intent, each id field). An action that writes
   * no record by id says why instead: `{ none: "sets the locale cookie only" }`.
   */
  writes?: WriteRow[] | { none: string };
  /**
   * GET with out-of-scope params, for each role whose in-scope answer is 200.
   * Defaults to 404 (DESIGN.md: out of scope answers 404, not 403).
   */
  outOfScope?: Partial<Record<Who, Outcome>>;
};

export type Expectations = Record<string, RouteExpectation>;

/**
 * One target of a write row: the route params and a complete, valid form (it must get past
 * parsing, so that only the scope check can stop it).
 */
export type WriteTarget = {
  params?: Params;
  form: Record<string, string>;
  /**
   * Reads every row this write would change (the record, its children, a count of what it would
   * create). The matrix reads it before and after the request.
   */
  state: () => Promise<unknown>;
};

/**
 * An out-of-scope write. The matrix posts the same valid form twice, as `as`:
 * 1. at `outOfScope`: expects `expected` (default 404), `state()` unchanged, and no audit event
 *    written (for a non-refusal `expected`, e.g. an action that ignores a foreign id and writes
 *    the actor's own record, no audit event of another procuratorate);
 * 2. then at `inScope` (the control): expects `inScopeExpected` (default "redirect") and `state()`
 *    CHANGED, which proves the form is valid and the write really happens, so a refusal at (1)
 *    came from the scope check and not from bad input.
 * `targets` creates what the row needs (fresh records in 桂 and in 郴, so rows do not depend on
 * each other or on the seed's particular rows); rows run after every GET/POST row of the matrix.
 *
 * Adding a row for a new action (tests/authz/<area>.ts):
 *
 *   "routes/_staff.cases.$caseId.notes": {
 *     params: caseParams,
 *     loader: ..., action: ...,
 *     writes: [
 *       {
 *         name: "add a note to a case",
 *         as: "prosecutor",
 *         targets: async ({ db }) => {
 *           const [mine, theirs] = await twoCases(db); // one of 桂, one of 郴
 *           const target = (caseId: string) => ({
 *             params: { caseId },
 *             form: { intent: "addNote", body: "矩阵测试" },
 *             state: () => db.caseNote.count({ where: { caseId } }),
 *           });
 *           return { inScope: target(mine.id), outOfScope: target(theirs.id) };
 *         },
 *       },
 *     ],
 *   },
 *
 * Run them: `npx vitest run tests/integration/authorization-matrix.test.ts -t "writes"`.
 */
export type WriteRow = {
  /** What is tried, in a few words ("edit an agency"); part of the test name. */
  name: string;
  /** Who posts: a role the action admits in scope ("anonymous" for public forms). */
  as: Who;
  targets: (ctx: ParamContext) => Promise<{ inScope: WriteTarget; outOfScope: WriteTarget }>;
  /** The answer out of scope; default 404 (DESIGN.md: out of scope answers 404, not 403). */
  expected?: Outcome;
  /** The answer of the in-scope control; default "redirect". */
  inScopeExpected?: Outcome;
};

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
