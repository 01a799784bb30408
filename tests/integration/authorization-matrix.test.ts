import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, inject, test } from "vitest";
import type { Expectations, Outcome, Params, ParamSets, RouteExpectation, Who, WriteRow } from "#tests/authz/types";
import type { RouteResult } from "#tests/factories";
import { callAction, callLoader, cookieForWho, DEMO_USERNAMES, request } from "#tests/factories";
import { prisma } from "~/utils/db.server";

/**
 * The authorization matrix. Every route of the Remix route manifest (app/routes.ts, the same
 * config the Vite plugin reads, plus the root route) is called as an anonymous visitor and as each
 * demo user: its loader with GET and its action with POST and an empty form, directly on the
 * module, on a copy of the seeded database. The answers must match tests/authz/*.ts, and those
 * files must describe exactly the routes that exist, with exactly the loader/action rows the
 * modules export. Every action also has write rows (`writes`, see WriteRow in tests/authz/types.ts):
 * a valid form posted at a record outside the actor's scope must be refused and change nothing,
 * while the same form at an in-scope record succeeds.
 */

const WHO: readonly Who[] = ["anonymous", "prosecutor", "approver", "admin", "panelist", "agency"];
const appDirectory = path.resolve(import.meta.dirname, "../../app");

// ───────────────────────────── the route manifest ─────────────────────────────

type ConfigEntry = { id?: string; file: string; path?: string; index?: boolean; children?: ConfigEntry[] };
type ManifestRoute = { id: string; file: string; parentId: string | null; urlPath: string };

/** Like @remix-run/dev's createRouteId: the file path relative to app/, without its extension. */
const routeIdOf = (file: string) => file.split(path.win32.sep).join("/").replace(/\.[a-z0-9]+$/i, "");

async function loadManifest(): Promise<ManifestRoute[]> {
  // flatRoutes() asks @remix-run/route-config for the app directory, which the Remix plugin
  // normally sets (setRouteConfigAppDirectory in @remix-run/dev/dist/config.js) before it
  // evaluates app/routes.ts.
  (globalThis as { __remixAppDirectory?: string }).__remixAppDirectory = appDirectory;
  const config = (await (await import(/* @vite-ignore */ path.join(appDirectory, "routes.ts"))).default) as ConfigEntry[];

  const rootFile = ["root.tsx", "root.ts", "root.jsx", "root.js"].find((f) => fs.existsSync(path.join(appDirectory, f)));
  if (!rootFile) throw new Error("app/root.* not found");
  const routes: ManifestRoute[] = [{ id: "root", file: rootFile, parentId: null, urlPath: "/" }];
  const walk = (entries: ConfigEntry[], parentId: string, parentPath: string) => {
    for (const entry of entries) {
      const id = entry.id ?? routeIdOf(entry.file);
      const joined = [parentPath, entry.path ?? ""].filter(Boolean).join("/");
      routes.push({ id, file: entry.file, parentId, urlPath: `/${joined}` });
      if (entry.children) walk(entry.children, id, joined);
    }
  };
  walk(config, "root", "");
  return routes;
}

/** Dynamic segments of a route path: ":caseId", optional ":lang?", and the splat "*". */
function paramNames(urlPath: string): { name: string; optional: boolean }[] {
  return urlPath
    .split("/")
    .filter((s) => s.startsWith(":") || s === "*")
    .map((s) => (s === "*" ? { name: "*", optional: false } : { name: s.slice(1).replace(/\?$/, ""), optional: s.endsWith("?") }));
}

function buildUrl(urlPath: string, params: Params): { url: string; params: Params } {
  const used: Params = {};
  const segments = urlPath.split("/").flatMap((segment) => {
    if (segment === "*" || segment.startsWith(":")) {
      const name = segment === "*" ? "*" : segment.slice(1).replace(/\?$/, "");
      const value = params[name];
      if (value === undefined) {
        if (segment.endsWith("?")) return [];
        throw new Error(`no value for the param "${name}" of ${urlPath}`);
      }
      used[name] = value;
      return [name === "*" ? value.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value)];
    }
    return [segment];
  });
  return { url: segments.join("/") || "/", params: used };
}

// ───────────────────────────── modules and expectations ─────────────────────────────

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
};

const manifest = await loadManifest();
const modules = new Map<string, RouteModule>();
const importErrors = new Map<string, unknown>();
for (const route of manifest) {
  try {
    modules.set(route.id, (await import(/* @vite-ignore */ path.join(appDirectory, route.file))) as RouteModule);
  } catch (error) {
    importErrors.set(route.id, error);
  }
}

const files = import.meta.glob<{ expectations?: Expectations }>(["../authz/*.ts", "!../authz/types.ts"], { eager: true });
const expectations = new Map<string, RouteExpectation>();
const definedIn = new Map<string, string[]>();
for (const [file, mod] of Object.entries(files)) {
  for (const [id, expectation] of Object.entries(mod.expectations ?? {})) {
    definedIn.set(id, [...(definedIn.get(id) ?? []), path.basename(file)]);
    expectations.set(id, expectation);
  }
}

const seeded = inject("procuraSeeded");

// ───────────────────────────── calling a route ─────────────────────────────

/** What a role sees: the Outcome vocabulary of tests/authz/types.ts, or a description of anything else. */
function outcomeOf(result: RouteResult): Outcome | string {
  if (result.kind === "error") {
    const e = result.error;
    return `500 (threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`;
  }
  if (result.status >= 300 && result.status < 400) {
    return result.location?.startsWith("/login") ? "login" : "redirect";
  }
  return result.status as Outcome;
}

async function describeResult(result: RouteResult): Promise<string> {
  if (result.kind === "error") return result.error instanceof Error ? (result.error.stack ?? result.error.message) : String(result.error);
  const where = result.location ? ` → ${result.location}` : "";
  const body = result.kind === "response" && result.status >= 400 ? ` ${(await result.body.clone().text()).slice(0, 200)}` : "";
  return `status ${result.status}${where}${body}`;
}

const userIds = new Map<Who, Promise<string | null>>();
function userIdOf(who: Who): Promise<string | null> {
  if (who === "anonymous") return Promise.resolve(null);
  let id = userIds.get(who);
  if (!id) {
    id = prisma.user.findUnique({ where: { username: DEMO_USERNAMES[who] }, select: { id: true } }).then((u) => u?.id ?? null);
    userIds.set(who, id);
  }
  return id;
}

const paramCache = new Map<string, Promise<ParamSets>>();
function paramsFor(route: ManifestRoute, expectation: RouteExpectation, who: Who): Promise<ParamSets> {
  const key = `${route.id}\0${who}`;
  let sets = paramCache.get(key);
  if (!sets) {
    sets = expectation.params
      ? userIdOf(who).then((userId) => expectation.params!({ db: prisma, who, userId }))
      : Promise.resolve({ inScope: {} });
    paramCache.set(key, sets);
  }
  return sets;
}

async function call(route: ManifestRoute, method: "GET" | "POST", who: Who, params: Params) {
  const module = modules.get(route.id)!;
  const { url, params: used } = buildUrl(route.urlPath, params);
  // A fresh session each time: an action (logout) may revoke the one it was given.
  const cookie = await cookieForWho(who);
  const result =
    method === "GET"
      ? await callLoader(module.loader!, request(url, { cookie }), used)
      : await callAction(module.action!, request(url, { method: "POST", cookie, form: new FormData() }), used);
  return { url, result, outcome: outcomeOf(result) };
}

// ───────────────────────────── the tests ─────────────────────────────

describe("authorization matrix: coverage", () => {
  test("the manifest was read from app/routes.ts", () => {
    expect(manifest.length).toBeGreaterThan(5);
    expect(manifest.map((r) => r.id)).toContain("routes/login");
  });

  test("every route module imports", () => {
    expect([...importErrors].map(([id, e]) => `${id}: ${e instanceof Error ? e.message : String(e)}`)).toEqual([]);
  });

  test("every manifest route has an expectation in tests/authz/*.ts", () => {
    expect(manifest.map((r) => r.id).filter((id) => !expectations.has(id))).toEqual([]);
  });

  test("every expectation names a route of the manifest", () => {
    const ids = new Set(manifest.map((r) => r.id));
    expect([...expectations.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });

  test("no route is described in two files", () => {
    expect([...definedIn].filter(([, where]) => where.length > 1).map(([id, where]) => `${id}: ${where.join(", ")}`)).toEqual([]);
  });

  test("the demo seed is loaded (prisma/seed.ts)", () => {
    expect(seeded).toBe(true);
  });

  const described = manifest.filter((r) => expectations.has(r.id) && modules.has(r.id));

  // Every route module under app/routes that exports an action (the manifest is app/routes.ts's
  // flatRoutes() over app/routes) must say what happens when it is aimed outside the actor's scope.
  test("every action has out-of-scope write rows (or says why it writes nothing by id)", () => {
    const withAction = manifest.filter((r) => typeof modules.get(r.id)?.action === "function");
    expect(withAction.length).toBeGreaterThan(5);
    const missing = withAction
      .map((r) => r.id)
      .filter((id) => {
        const writes = expectations.get(id)?.writes;
        if (!writes) return true;
        return Array.isArray(writes) ? writes.length === 0 : writes.none.trim().length < 10;
      });
    expect(missing, "add `writes` rows to these routes' entries (tests/authz/types.ts, WriteRow)").toEqual([]);
  });

  test("no write rows on a module without an action", () => {
    expect(
      manifest.filter((r) => expectations.get(r.id)?.writes && typeof modules.get(r.id)?.action !== "function").map((r) => r.id),
    ).toEqual([]);
  });
  test.each(described.map((r) => [r.id, r] as const))("%s: rows match the module's loader and action", (_id, route) => {
    const module = modules.get(route.id)!;
    const expectation = expectations.get(route.id)!;
    const rows = { loader: !!expectation.loader, action: !!expectation.action };
    expect(rows).toEqual({ loader: typeof module.loader === "function", action: typeof module.action === "function" });
    if (paramNames(route.urlPath).some((p) => !p.optional)) {
      expect(expectation.params, `${route.urlPath} has dynamic segments: give a params resolver`).toBeTypeOf("function");
    }
  });
});

for (const route of manifest) {
  const module = modules.get(route.id);
  const expectation = expectations.get(route.id);
  if (!module || !expectation) continue;
  const dynamic = paramNames(route.urlPath).length > 0;

  describe.skipIf(!seeded)(`authorization matrix: ${route.id}`, () => {
    for (const [method, row] of [
      ["GET", module.loader ? expectation.loader : undefined],
      ["POST", module.action ? expectation.action : undefined],
    ] as const) {
      if (!row) continue;
      for (const who of WHO) {
        const expected = row[who];
        test(`${method} ${route.urlPath} as ${who} → ${expected}`, async () => {
          const sets = await paramsFor(route, expectation, who);
          const { url, result, outcome } = await call(route, method, who, sets.inScope);
          expect(outcome, `${method} ${url}: ${await describeResult(result)}`).toBe(expected);
        });
      }
    }

    if (dynamic && module.loader && expectation.loader) {
      for (const who of WHO.filter((w) => expectation.loader![w] === 200)) {
        const expected = expectation.outOfScope?.[who] ?? 404;
        test(`GET ${route.urlPath} out of scope as ${who} → ${expected}`, async (ctx) => {
          const sets = await paramsFor(route, expectation, who);
          if (!sets.outOfScope) ctx.skip(); // no record outside this role's scope to try
          const { url, result, outcome } = await call(route, "GET", who, sets.outOfScope!);
          expect(outcome, `GET ${url}: ${await describeResult(result)}`).toBe(expected);
        });
      }
    }
  });
}

// ───────────────────────────── writes out of scope ─────────────────────────────

const lastAuditSeq = async () => (await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
const isRefusal = (outcome: Outcome) => typeof outcome === "number" && outcome >= 400;

async function post(route: ManifestRoute, who: Who, params: Params, form: Record<string, string>) {
  const module = modules.get(route.id)!;
  const { url, params: used } = buildUrl(route.urlPath, params);
  const cookie = await cookieForWho(who);
  const result = await callAction(module.action!, request(url, { method: "POST", cookie, form }), used);
  return { url, result, outcome: outcomeOf(result) };
}

const writeRows = manifest.flatMap((route) => {
  const writes = expectations.get(route.id)?.writes;
  return modules.get(route.id)?.action && Array.isArray(writes) ? writes.map((row) => [route, row] as const) : [];
});

// After every row above: the in-scope controls write to the shared database copy.
describe.skipIf(!seeded)("authorization matrix: writes out of scope", () => {
  for (const [route, row] of writeRows as (readonly [ManifestRoute, WriteRow])[]) {
    const expected = row.expected ?? 404;
    const inScopeExpected = row.inScopeExpected ?? "redirect";
    test(`POST ${route.urlPath} as ${row.as}: ${row.name} — out of scope → ${expected}, nothing changed; in scope → ${inScopeExpected}`, async () => {
      const userId = await userIdOf(row.as);
      const { inScope, outOfScope } = await row.targets({ db: prisma, who: row.as, userId });
      const actor = userId ? await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { procuratorateId: true } }) : null;

      // 1. Out of scope: refused, nothing changed, nothing audited.
      const before = await outOfScope.state();
      const seq = await lastAuditSeq();
      const foreign = await post(route, row.as, outOfScope.params ?? {}, outOfScope.form);
      expect(foreign.outcome, `POST ${foreign.url} out of scope: ${await describeResult(foreign.result)}`).toBe(expected);
      expect(await outOfScope.state(), `POST ${foreign.url} out of scope changed the record`).toEqual(before);
      const audited = await prisma.auditEvent.findMany({
        where: { seq: { gt: seq } },
        select: { action: true, procuratorateId: true, entityType: true, entityId: true },
      });
      if (isRefusal(expected)) expect(audited, "a refused write recorded audit events").toEqual([]);
      // Not a refusal (the action ignores the foreign id): whatever it audited is the actor's own.
      else expect(audited.filter((e) => e.procuratorateId !== null && e.procuratorateId !== actor?.procuratorateId)).toEqual([]);

      // 2. The control: the same form in scope gets through and writes.
      const ownBefore = await inScope.state();
      const own = await post(route, row.as, inScope.params ?? {}, inScope.form);
      expect(own.outcome, `POST ${own.url} in scope (the control): ${await describeResult(own.result)}`).toBe(inScopeExpected);
      expect(await inScope.state(), `POST ${own.url} in scope wrote nothing: the form is not a valid write`).not.toEqual(ownBefore);
    });
  }
});
