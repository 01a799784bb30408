// The ORM's share of a page (issue 7 §6): runs the loaders of a page (root, layout and the route,
// from the production build) in this process through Prisma, records every SQL statement (text
// and bound values) they send to better-sqlite3, then replays exactly those statements on a plain
// better-sqlite3 connection. So the direct numbers follow whatever SQL the app runs today, with
// nothing reproduced by hand. The whole page (loaders and rendering, no HTTP) is timed too.
//
// Import this module only after DATABASE_URL and DATA_DIR point at the benchmark database: the app
// modules it loads open the database when first imported.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export type Recorded = { sql: string; args: unknown[] };

export type Stats = { n: number; mean: number; p50: number; p95: number; p99: number };

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** As app/utils/db.server.ts (not imported here: importing it would create the app's client). */
const BUSY_TIMEOUT_MS = 5_000;

type Connection = { prepare: (sql: string) => { bind: (...args: unknown[]) => unknown } };

let recording: Recorded[] | null = null;

declare global {
  var __procuraPrisma: PrismaClient | undefined;
}

/**
 * The app's Prisma client (globalThis.__procuraPrisma, which app/utils/db.server.ts reuses), with a
 * connection that notes every statement while `recording` is set.
 */
function installRecordingClient(url: string) {
  if (globalThis.__procuraPrisma) throw new Error("the app's Prisma client was created before the recorder");
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client: Connection }).client;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = (sql: string) => {
      const statement = prepare(sql);
      const bind = statement.bind.bind(statement);
      statement.bind = (...args: unknown[]) => {
        recording?.push({ sql, args: Array.isArray(args[0]) ? (args[0] as unknown[]) : args });
        return bind(...args);
      };
      return statement;
    };
    return adapter;
  };
  globalThis.__procuraPrisma = new PrismaClient({ adapter: factory });
}

export type Page = {
  label: string;
  /** The route module under app/routes, e.g. "_staff.cases._index.tsx". */
  route: string;
  /** Path and query as the browser asks for it. */
  url: string;
  cookie: string;
};

export type DirectResult = {
  label: string;
  url: string;
  statements: number;
  /** Statements that write (the session's renewal): recorded, not replayed. */
  skipped: number;
  /** The page's loaders (root, layouts, the route) at once, through Prisma. */
  loader: Stats;
  /** The whole page in this process: loaders and server rendering, as the server's handler runs it. */
  page: Stats;
  direct: Stats;
  /** The slowest statement (direct, mean ms) and its SQL. */
  slowest: { sql: string; mean: number } | null;
};

type LoaderArgs = { request: Request; params: Record<string, string>; context: Record<string, unknown> };
type Loader = (args: LoaderArgs) => unknown;
type ServerBuild = { routes: Record<string, { parentId?: string; module: { loader?: Loader } }> };

const context = { clientIp: "127.0.0.1" };
const requestFor = (page: Page) => new Request(new URL(page.url, "http://localhost"), { headers: { Cookie: page.cookie } });

async function callLoader(loader: Loader, page: Page): Promise<void> {
  try {
    await loader({ request: requestFor(page), params: {}, context });
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status < 400) return;
    throw thrown instanceof Response ? new Error(`${page.url}: a loader answered ${thrown.status}`) : thrown;
  }
}

/** The loaders of a route and the routes around it (root first), as Remix runs them for a page. */
function loaderChain(build: ServerBuild, routeFile: string): Loader[] {
  const ids: string[] = [];
  for (let id: string | undefined = `routes/${routeFile.replace(/\.tsx?$/, "")}`; id; id = build.routes[id]?.parentId) {
    if (!build.routes[id]) throw new Error(`no route ${id} in the build`);
    ids.unshift(id);
  }
  return ids.map((id) => build.routes[id]!.module.loader).filter((l): l is Loader => typeof l === "function");
}

/** Runs fn until `runs` samples or `budgetMs` have passed (at least 5 samples). */
async function sample(fn: () => unknown, runs: number, budgetMs: number): Promise<number[]> {
  const out: number[] = [];
  const until = performance.now() + budgetMs;
  while (out.length < runs && (out.length < 5 || performance.now() < until)) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * For each page: the loader through Prisma, `runs` times (or for `budgetMs`), then the SQL it ran,
 * replayed directly `runs` times (or for `budgetMs`).
 */
export async function measureDirect(options: {
  root: string;
  databaseUrl: string;
  pages: Page[];
  runs: number;
  budgetMs: number;
}): Promise<DirectResult[]> {
  installRecordingClient(options.databaseUrl);
  const build = (await import(pathToFileURL(path.join(options.root, "build/server/index.js")).href)) as ServerBuild;
  const { createRequestHandler } = await import("@remix-run/node");
  const handle = createRequestHandler(build as never, "production");
  const db = new Database(options.databaseUrl.replace(/^file:/, ""), { readonly: true, timeout: BUSY_TIMEOUT_MS });
  db.defaultSafeIntegers(true); // as the adapter reads
  const results: DirectResult[] = [];
  try {
    for (const page of options.pages) {
      const loaders = loaderChain(build, page.route);
      const runLoaders = () => Promise.all(loaders.map((loader) => callLoader(loader, page)));
      const render = async () => {
        const response = await handle(requestFor(page), context as never);
        await response.text();
        if (response.status !== 200) throw new Error(`${page.url}: the page answered ${response.status} in process`);
      };
      await render(); // warm: modules, caches, the session renewal
      await runLoaders();
      recording = [];
      await runLoaders();
      const recorded = recording;
      recording = null;
      const loader = stats(await sample(runLoaders, options.runs, options.budgetMs));
      const whole = stats(await sample(render, options.runs, options.budgetMs));

      const readers = recorded
        .map((r) => ({ ...r, statement: db.prepare(r.sql) }))
        .filter((r) => r.statement.reader);
      const perStatement = readers.map(() => [] as number[]);
      const direct = stats(
        await sample(
          () => {
            readers.forEach((r, i) => {
              const started = performance.now();
              r.statement.raw(true).all(...r.args);
              perStatement[i]!.push(performance.now() - started);
            });
          },
          options.runs,
          options.budgetMs,
        ),
      );
      const slowest = readers
        .map((r, i) => ({ sql: r.sql, mean: stats(perStatement[i]!).mean }))
        .sort((a, b) => b.mean - a.mean)[0];
      results.push({
        label: page.label,
        url: page.url,
        statements: recorded.length,
        skipped: recorded.length - readers.length,
        loader,
        page: whole,
        direct,
        slowest: slowest ?? null,
      });
    }
  } finally {
    db.close();
    await globalThis.__procuraPrisma?.$disconnect();
  }
  return results;
}
