// `npm run bench:http -- [--duration 10] [--connections 20] [--cases 100000] [--evidence 500000]
//                        [--data-dir data/bench] [--runs 500] [--only <route label>]`
//
// The HTTP benchmark of issue 7 §6. On a province-scale database (made with
// `npm run db:seed:scale` when the one in the data folder has fewer cases than --cases) it starts
// the production server (scripts/serve.mjs, WEB_CONCURRENCY=2, scheduler off) on a free port, signs
// in the demo accounts, and measures each page with autocannon (--connections at once, --duration
// seconds each), next to `GET /login` (anonymous) as the light reference. Then /cases again with
// one worker, a single user's search latency, and the SQL of the list and the search run directly
// on better-sqlite3 (scripts/bench-http/direct.ts). Prints one markdown table and the goals, and
// writes them to bench-results/http-<time>.md.
//
// A goal not met does not fail the run (this is a measurement). It exits 1 when the server does
// not start, a sign-in fails, or any request answers 5xx.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import Database from "better-sqlite3";
import { stats, type DirectResult, type Page, type Stats } from "./bench-http/direct";
import { ensureBuild } from "./bench-http/build";

const root = path.resolve(import.meta.dirname, "..");

// ---------------------------------------------------------------------------------------------
// Options

type Options = {
  duration: number;
  connections: number;
  cases: number;
  evidence: number;
  dataDir: string;
  runs: number;
  only: string | null;
};

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    "Usage: npm run bench:http -- [--duration S] [--connections N] [--cases N] [--evidence N] [--data-dir DIR] [--runs N] [--only LABEL]",
  );
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  const out: Options = {
    duration: 10,
    connections: 20,
    cases: 100_000,
    evidence: 500_000,
    dataDir: path.resolve(process.env.BENCH_DATA_DIR ?? path.join(root, "data/bench")),
    runs: 500,
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = () => argv[++i] ?? usage(`${arg} needs a value`);
    const whole = (min: number) => {
      const v = Number(next());
      if (!Number.isInteger(v) || v < min) usage(`${arg} needs a whole number ≥ ${min}`);
      return v;
    };
    if (arg === "--duration") out.duration = whole(1);
    else if (arg === "--connections") out.connections = whole(1);
    else if (arg === "--cases") out.cases = whole(1);
    else if (arg === "--evidence") out.evidence = whole(0);
    else if (arg === "--data-dir") out.dataDir = path.resolve(next());
    else if (arg === "--runs") out.runs = whole(5);
    else if (arg === "--only") out.only = next();
    else if (arg === "--help" || arg === "-h") usage();
    else usage(`unknown option ${arg}`);
  }
  return out;
}

const options = parseOptions(process.argv.slice(2));
const dbFile = path.join(options.dataDir, "procura.db");
const databaseUrl = `file:${dbFile}`;
/** Left in a data folder the bench seeded itself: only such a database is ever replaced. */
const BENCH_MARKER = ".procura-bench";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.error(`[bench:http] ${line}`);

function fail(message: string): never {
  log(`FAILED: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The database and the build

function count(table: string): number {
  if (!fs.existsSync(dbFile)) return 0;
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
    return exists ? (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

function ensureDatabase() {
  const cases = count("Case");
  if (cases >= options.cases) {
    log(`database ${dbFile}: ${cases} cases (≥ ${options.cases} asked for), used as it is`);
  } else {
    const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    if (!scripts["db:seed:scale"]) {
      fail(`${dbFile} has ${cases} cases, fewer than --cases ${options.cases}, and there is no "db:seed:scale" script to make more`);
    }
    if (cases > 0 || fs.existsSync(dbFile)) {
      if (!fs.existsSync(path.join(options.dataDir, BENCH_MARKER))) {
        fail(`${dbFile} has ${cases} cases, fewer than --cases ${options.cases}; it was not made by this benchmark, so it is left alone (use another --data-dir, or lower --cases)`);
      }
      log(`database ${dbFile}: ${cases} cases, fewer than ${options.cases}: making it again`);
      for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(dbFile + suffix, { force: true });
    }
    fs.mkdirSync(options.dataDir, { recursive: true });
    fs.writeFileSync(path.join(options.dataDir, BENCH_MARKER), "made by npm run bench:http; replaced when it has fewer cases than asked for\n");
    log(`seeding ${options.cases} cases and ${options.evidence} evidence items (npm run db:seed:scale) …`);
    const started = performance.now();
    execFileSync("npm", ["run", "--silent", "db:seed:scale", "--", "--cases", String(options.cases), "--evidence", String(options.evidence)], {
      cwd: root,
      env: { ...process.env, DATA_DIR: options.dataDir, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "inherit"],
    });
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // Migrations committed since the database was made (never seeds a database that holds data).
  execFileSync(process.execPath, [path.join(root, "scripts/prepare-db.mjs")], {
    cwd: root,
    env: { ...process.env, DATA_DIR: options.dataDir, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}


// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Server = { base: string; process: ChildProcess; logFile: string; exited: Promise<number | null> };

async function startServer(workers: number, logFile: string): Promise<Server> {
  const port = await freePort();
  const fd = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(workers),
      PROCURA_SCHEDULER: "off",
      DATA_DIR: options.dataDir,
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", fd, fd],
  });
  fs.closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = workers > 1 ? `(${workers} workers)` : "Procura listening";
  const deadline = Date.now() + 120_000;
  for (;;) {
    const text = fs.readFileSync(logFile, "utf8");
    if (text.includes(ready)) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      fail(`the server (WEB_CONCURRENCY=${workers}) did not start; its log (${logFile}):\n${text.slice(-3000)}`);
    }
    await sleep(100);
  }
  return { base: `http://127.0.0.1:${port}`, process: child, logFile, exited };
}

async function stopServer(server: Server) {
  if (server.process.exitCode !== null) return;
  server.process.kill("SIGTERM");
  const code = await Promise.race([server.exited, sleep(20_000).then(() => "timeout" as const)]);
  if (code === "timeout") {
    server.process.kill("SIGKILL");
    log("the server did not stop within 20 s of SIGTERM (killed)");
  }
}

/** The processes that serve requests: the workers (children of the primary), or the one process. */
function servingPids(server: Server): number[] {
  const primary = server.process.pid!;
  const children: number[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === primary) children.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return children.length > 0 ? children : [primary];
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time (user + system) of the processes, in ms. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // a worker that died: its time is lost, and the run shows errors anyway
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

// ---------------------------------------------------------------------------------------------
// Signing in and finding the pages

const DEMO_PASSWORD = "procura-demo"; // prisma/seed.ts, app/routes/login.tsx

async function signIn(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) fail(`signing in as ${username} answered ${response.status}`);
  return cookie;
}

async function get(base: string, url: string, cookie?: string) {
  const response = await fetch(base + url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, text: await response.text(), location: response.headers.get("location") };
}

/** Links on a page whose query names a page (page=, cursor=, after=, before=). */
function pagingLinks(html: string): string[] {
  const links = [...html.matchAll(/href="([^"]*\?[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
  return links.filter((href) => /[?&](page|cursor|after|before)=/.test(href));
}

/** The number of case rows a list page shows (links to a case page). */
function caseLinks(html: string): number {
  return new Set([...html.matchAll(/href="\/cases\/([^"/?#]+)"/g)].map((m) => m[1])).size;
}

/**
 * A page a few hundred pages into the case list, whatever paging the list offers: with page
 * numbers the page is asked for directly (halving while the list refuses it or shows no case); with
 * keyset links the "next" link is followed.
 */
async function middlePage(base: string, cookie: string, target = 300): Promise<{ url: string; note: string }> {
  const first = await get(base, "/cases", cookie);
  const links = pagingLinks(first.text);
  if (links.length === 0) return { url: "/cases", note: "the list has one page" };
  if (links.some((href) => /[?&]page=\d+/.test(href))) {
    for (let page = target; page > 1; page = Math.floor(page / 2)) {
      const url = `/cases?page=${page}`;
      const answer = await get(base, url, cookie);
      if (answer.status === 200 && caseLinks(answer.text) > 0) return { url, note: `?page=${page}` };
    }
    return { url: "/cases?page=2", note: "?page=2" };
  }
  // Keyset paging: follow the "next" link (rel="next", else the last paging link) as far as asked,
  // or as far as it goes.
  let url = "/cases";
  let html = first.text;
  let pages = 1;
  for (let i = 0; i < target; i++) {
    const next = /<a [^>]*href="([^"]+)"[^>]*rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? pagingLinks(html).at(-1);
    if (!next) break;
    const candidate = next.startsWith("?") ? `/cases${next}` : next;
    const answer = await get(base, candidate, cookie);
    if (answer.status !== 200) break;
    url = candidate;
    html = answer.text;
    pages += 1;
  }
  return { url, note: `page ${pages}, by its "next" links` };
}

/** A case of the prosecutor's procuratorate with the most evidence items (among the first cases that have any). */
function caseWithEvidence(): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT e."caseId" AS id, COUNT(*) AS n FROM "Evidence" e
         JOIN "Case" c ON c."id" = e."caseId"
         WHERE c."procuratorateId" = (SELECT "procuratorateId" FROM "User" WHERE "username" = 'prosecutor')
           AND e."caseId" IN (SELECT DISTINCT "caseId" FROM "Evidence" LIMIT 2000)
         GROUP BY e."caseId" ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: string; n: number } | undefined;
    if (!row) fail("no case of the demo prosecutor's procuratorate has evidence");
    return row.id;
  } finally {
    db.close();
  }
}

/** The demo procuratorate's agency with the most recommendations served, and its largest series (the rates pages). */
function busiestAgencyAndSeries(): { agencyId: string; agencyRecs: number; seriesId: string; seriesCases: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const org = `(SELECT "procuratorateId" FROM "User" WHERE "username" = 'prosecutor')`;
    const agency = db
      .prepare(
        `SELECT s."agencyId" AS id, COUNT(*) AS n FROM "Service" s JOIN "Agency" a ON a."id" = s."agencyId"
         WHERE s."recommendationId" IS NOT NULL AND a."procuratorateId" = ${org} GROUP BY 1 ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: string; n: number } | undefined;
    const series = db
      .prepare(`SELECT "seriesId" AS id, COUNT(*) AS n FROM "Case" WHERE "seriesId" IS NOT NULL AND "procuratorateId" = ${org} GROUP BY 1 ORDER BY n DESC LIMIT 1`)
      .get() as { id: string; n: number } | undefined;
    if (!agency || !series) fail("the demo procuratorate has no served recommendation or no series");
    return { agencyId: agency.id, agencyRecs: agency.n, seriesId: series.id, seriesCases: series.n };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Route = { label: string; url: string; user: "anonymous" | "prosecutor" | "chief" | "agency" | "panelist"; route?: string };

type Measured = {
  route: Route;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  fiveXx: number;
  statusCodes: Record<string, number>;
  cpuMsPerRequest: number;
  primaryCpuMsPerRequest: number | null;
};

/**
 * Waits until the workers are idle (under a tenth of a core for half a second, at most 60 s): a
 * run's last requests are still being answered after autocannon has stopped counting, and must not
 * slow the next route down.
 */
async function waitIdle(pids: number[]) {
  const until = Date.now() + 60_000;
  let before = cpuMs(pids);
  while (Date.now() < until) {
    await sleep(500);
    const now = cpuMs(pids);
    if (now - before < 50) return;
    before = now;
  }
  log("the server stayed busy for 60 s after a run");
}

async function measure(server: Server, route: Route, cookie: string | undefined, pids: number[]): Promise<Measured> {
  await waitIdle([...pids, server.process.pid!]);
  const primary = server.process.pid!;
  const clustered = pids.length > 1 || pids[0] !== primary;
  const cpuBefore = cpuMs(pids);
  const primaryBefore = cpuMs([primary]);
  const result: Result = await autocannon({
    url: server.base + route.url,
    connections: options.connections,
    duration: options.duration,
    headers: cookie ? { cookie } : {},
  });
  const requests = result.requests.total;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    route,
    reqPerSec: requests / Math.max(1, result.duration),
    p50: requests > 0 ? result.latency.p50! : NaN,
    p99: requests > 0 ? result.latency.p99! : NaN,
    requests,
    errors: result.non2xx + result.errors + result.timeouts,
    fiveXx: result["5xx"],
    statusCodes,
    cpuMsPerRequest: requests > 0 ? (cpuMs(pids) - cpuBefore) / requests : NaN,
    primaryCpuMsPerRequest: clustered && requests > 0 ? (cpuMs([primary]) - primaryBefore) / requests : null,
  };
}

/** One user's latency: sequential requests, one at a time, for up to `seconds`. */
async function sequential(base: string, url: string, cookie: string, seconds: number, max = 200): Promise<Stats & { fiveXx: number }> {
  const samples: number[] = [];
  let fiveXx = 0;
  const until = performance.now() + seconds * 1000;
  while (samples.length < max && (samples.length < 10 || performance.now() < until)) {
    const started = performance.now();
    const response = await fetch(base + url, { headers: { Cookie: cookie }, redirect: "manual" });
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (response.status >= 500) fiveXx += 1;
  }
  return { ...stats(samples), fiveXx };
}

// ---------------------------------------------------------------------------------------------
// The run

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
const mark = (met: boolean) => (met ? "met" : "**not met**");

const started = new Date();
const stamp = started.toISOString().replace(/:/g, "-").replace(/\..*$/, "");
const resultsDir = path.join(root, "bench-results");
fs.mkdirSync(resultsDir, { recursive: true });

ensureDatabase();
ensureBuild(root, log);
const caseCount = count("Case");
const evidenceCount = count("Evidence");
const caseId = caseWithEvidence();

log(`starting the server with 2 workers on ${dbFile} (${caseCount} cases, ${evidenceCount} evidence items)`);
let server = await startServer(2, path.join(resultsDir, `server-${stamp}-2w.log`));
let fiveXxSeen = 0;
const measured: Measured[] = [];
let searchLatency: { label: string; url: string; stats: Stats }[] = [];
let rss: { pid: number; mb: number }[] = [];
let oneWorker: Measured | null = null;
let cookies: Record<Exclude<Route["user"], "anonymous">, string>;
let routes: Route[] = [];

try {
  cookies = {
    prosecutor: await signIn(server.base, "prosecutor"),
    chief: await signIn(server.base, "chief"),
    agency: await signIn(server.base, "agency"),
    panelist: await signIn(server.base, "panelist"),
  };
  const middle = await middlePage(server.base, cookies.prosecutor);
  const q = (term: string) => `/cases?q=${encodeURIComponent(term)}`;
  const busiest = busiestAgencyAndSeries();
  routes = [
    { label: "GET /login (anonymous, reference)", url: "/login", user: "anonymous" },
    { label: "/cases (first page)", url: "/cases", user: "prosecutor", route: "_staff.cases._index.tsx" },
    { label: `/cases (middle page: ${middle.note})`, url: middle.url, user: "prosecutor", route: "_staff.cases._index.tsx" },
    { label: "/cases?q=口罩 (2 characters)", url: q("口罩"), user: "prosecutor", route: "_staff.cases._index.tsx" },
    { label: "/cases?q=饮用水源 (4 characters)", url: q("饮用水源"), user: "prosecutor", route: "_staff.cases._index.tsx" },
    { label: "/search?q=口罩 (cases, clues and evidence)", url: `/search?q=${encodeURIComponent("口罩")}`, user: "prosecutor", route: "_staff.search.tsx" },
    { label: "/search?q=饮用水源 (cases, clues and evidence)", url: `/search?q=${encodeURIComponent("饮用水源")}`, user: "prosecutor", route: "_staff.search.tsx" },
    { label: "/cases/:id (a case with evidence)", url: `/cases/${caseId}`, user: "prosecutor" },
    { label: "/deadlines", url: "/deadlines", user: "prosecutor" },
    { label: "/approvals (chief)", url: "/approvals", user: "chief" },
    { label: "/agency (liaison)", url: "/agency", user: "agency" },
    { label: `/agencies/:id (rates over ${busiest.agencyRecs} recommendations served)`, url: `/agencies/${busiest.agencyId}`, user: "prosecutor" },
    { label: `/series/:id (rates over ${busiest.seriesCases} cases)`, url: `/series/${busiest.seriesId}`, user: "prosecutor" },
    { label: "/panel (panelist)", url: "/panel", user: "panelist" },
  ];
  const selected = routes.filter((r) => r.url === "/login" || !options.only || r.label.includes(options.only));

  // Every page answers 200 for its user before it is measured (and warms up).
  for (const route of selected) {
    const cookie = route.user === "anonymous" ? undefined : cookies[route.user];
    for (let i = 0; i < 3; i++) {
      const answer = await get(server.base, route.url, cookie);
      if (answer.status >= 500) fiveXxSeen += 1;
      if (answer.status !== 200) {
        log(`${route.label}: ${route.url} answered ${answer.status}${answer.location ? ` → ${answer.location}` : ""}`);
        break;
      }
    }
  }

  const pids = servingPids(server);
  for (const route of selected) {
    log(`${route.label}: ${options.connections} connections, ${options.duration} s …`);
    const m = await measure(server, route, route.user === "anonymous" ? undefined : cookies[route.user], pids);
    fiveXxSeen += m.fiveXx;
    measured.push(m);
  }
  rss = servingPids(server).map((pid) => ({ pid, mb: rssMb(pid) }));

  searchLatency = [];
  for (const route of selected.filter((r) => r.url.includes("q="))) {
    const s = await sequential(server.base, route.url, cookies.prosecutor, Math.min(options.duration, 5));
    fiveXxSeen += s.fiveXx;
    searchLatency.push({ label: route.label, url: route.url, stats: s });
  }
} finally {
  await stopServer(server);
}

log("/cases with 1 worker …");
server = await startServer(1, path.join(resultsDir, `server-${stamp}-1w.log`));
try {
  const listRoute = routes[1]!;
  await get(server.base, listRoute.url, cookies.prosecutor);
  oneWorker = await measure(server, listRoute, cookies.prosecutor, servingPids(server));
  fiveXxSeen += oneWorker.fiveXx;
} finally {
  await stopServer(server);
}

// The SQL of the list and the search, run directly (after the servers stopped, so nothing competes).
log(`the list's and the search's SQL, directly on better-sqlite3 (up to ${options.runs} runs each) …`);
process.env.NODE_ENV = "production";
process.env.DATA_DIR = options.dataDir;
process.env.DATABASE_URL = databaseUrl;
const { measureDirect } = await import("./bench-http/direct");
const directPages: Page[] = routes
  .filter((r) => r.route && measured.some((m) => m.route === r))
  .map((r) => ({ label: r.label, route: r.route!, url: r.url, cookie: cookies.prosecutor }));
const direct: DirectResult[] = await measureDirect({
  root,
  databaseUrl,
  pages: directPages,
  runs: options.runs,
  budgetMs: Math.min(options.duration, 5) * 1000,
});

// ---------------------------------------------------------------------------------------------
// The report

const login = measured.find((m) => m.route.url === "/login")!;
const twoWorkerList = measured.find((m) => m.route.url === "/cases");
const lines: string[] = [];
lines.push(`### HTTP benchmark (${started.toISOString().slice(0, 16).replace("T", " ")} UTC)`);
lines.push("");
lines.push(
  `Machine: ${os.cpus()[0]?.model.trim() ?? "?"}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, ` +
    `Node ${process.version}, SQLite ${(new Database(":memory:").prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}. ` +
    `Database: ${caseCount.toLocaleString("en")} cases, ${evidenceCount.toLocaleString("en")} evidence items. ` +
    `Server: scripts/serve.mjs, 2 workers. Load: autocannon in the same machine, ${options.connections} connections, ${options.duration} s per route.`,
);
lines.push("");
lines.push(
  "| route | req/s | p50 ms | p99 ms | errors | req/s ÷ /login | p99 ÷ /login | CPU ms/req | SQL direct, ms (mean / p50 / p99) | loaders via Prisma, ms (mean / p50 / p99) | page in process, ms p50 | goal |",
);
lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
const routeGoals: boolean[] = [];
for (const m of measured) {
  const isLogin = m === login;
  const rps = m.reqPerSec / login.reqPerSec;
  const p99 = m.p99 / login.p99;
  // A route that answered nothing within the run (every request slower than the run) has no p99.
  const met = m.requests > 0 && m.errors === 0 && rps >= 0.5 && p99 <= 2;
  if (!isLogin) routeGoals.push(met);
  const d = direct.find((x) => x.url === m.route.url);
  const trio = (s: Stats) => `${fmt(s.mean, 2)} / ${fmt(s.p50, 2)} / ${fmt(s.p99, 2)}`;
  const errors = m.requests === 0 ? "no answer within the run" : m.errors === 0 ? "0" : `${m.errors} (${Object.entries(m.statusCodes).filter(([c]) => !c.startsWith("2")).map(([c, n]) => `${c}×${n}`).join(", ") || "socket"})`;
  lines.push(
    `| ${m.route.label} | ${fmt(m.reqPerSec, 0)} | ${fmt(m.p50, 0)} | ${fmt(m.p99, 0)} | ${errors} | ${isLogin ? "1" : fmt(rps, 2)} | ${isLogin ? "1" : fmt(p99, 2)} | ${fmt(m.cpuMsPerRequest, 2)} | ${d ? `${trio(d.direct)} (${d.statements - d.skipped} stmts)` : ""} | ${d ? trio(d.loader) : ""} | ${d ? fmt(d.page.p50) : ""} | ${isLogin ? "reference" : mark(met)} |`,
  );
}
lines.push("");
const primaryCpu = measured.map((m) => m.primaryCpuMsPerRequest).filter((x): x is number => x !== null);
lines.push(
  `CPU ms/req: user + system time of the workers during the route's run (/proc/<pid>/stat) ÷ requests answered` +
    (primaryCpu.length ? `; the cluster's primary (which hands out connections) adds ${fmt(Math.min(...primaryCpu), 2)}–${fmt(Math.max(...primaryCpu), 2)} ms/req.` : "."),
);
lines.push(`RSS after the run: ${rss.map((r) => `${fmt(r.mb, 0)} MB (pid ${r.pid})`).join(", ")}.`);
lines.push(
  `SQL direct: every statement the page's loaders (root, the layout, the route; session lookup included) sent to better-sqlite3 through Prisma, recorded with its bound values ` +
    `(scripts/bench-http/direct.ts: the SQL the app runs, not a copy of it), replayed on a plain read-only better-sqlite3 connection with prepared statements, one request at a time. ` +
    `Loaders via Prisma: the same loaders of the production build called in this process, one request at a time; the difference from SQL direct is the ORM's share (and the loaders' own JS). ` +
    `Page in process: the build's request handler, loaders and rendering, without HTTP.`,
);
for (const d of direct) {
  if (d.slowest) lines.push(`- ${d.label}: slowest statement ${fmt(d.slowest.mean, 2)} ms: \`${d.slowest.sql.replace(/\s+/g, " ").slice(0, 240)}\``);
}
lines.push("");

// Goals (issue 7).
const searchWorst = searchLatency.length ? Math.max(...searchLatency.map((s) => s.stats.p95)) : NaN;
const scaling = oneWorker?.requests && twoWorkerList?.requests ? twoWorkerList.reqPerSec / oneWorker.reqPerSec : NaN;
const maxRss = rss.length ? Math.max(...rss.map((r) => r.mb)) : NaN;
lines.push("| goal (issue 7) | measured | |");
lines.push("| --- | --- | --- |");
lines.push(
  `| each route: req/s ≥ 0.5× and p99 ≤ 2× GET /login | ${routeGoals.filter(Boolean).length} of ${routeGoals.length} routes | ${mark(routeGoals.every(Boolean))} |`,
);
lines.push(
  `| search p95 < 30 ms (one user, requests one at a time, end to end) | ${searchLatency.map((s) => `${s.label.split(" ")[0]}: p50 ${fmt(s.stats.p50)}, p95 ${fmt(s.stats.p95)} ms`).join("; ") || "not run (--only)"} | ${mark(searchWorst < 30)} |`,
);
lines.push(
  `| 2 workers ≥ 1.3× one worker on /cases | ${oneWorker ? `${fmt(twoWorkerList?.reqPerSec ?? NaN, 0)} vs ${fmt(oneWorker.reqPerSec, 0)} req/s = ${fmt(scaling, 2)}× (CPU ${fmt(oneWorker.cpuMsPerRequest, 2)} ms/req with 1 worker)` : "not run"} | ${mark(scaling >= 1.3)} |`,
);
lines.push(`| RSS per worker < 300 MB | max ${fmt(maxRss, 0)} MB | ${mark(maxRss < 300)} |`);
lines.push(`| no answer is 5xx | ${fiveXxSeen} | ${mark(fiveXxSeen === 0)} |`);

const report = lines.join("\n") + "\n";
const reportFile = path.join(resultsDir, `http-${stamp}.md`);
fs.writeFileSync(reportFile, report);
console.log(report);
log(`written to ${path.relative(root, reportFile)} (server logs beside it)`);
if (fiveXxSeen > 0) fail(`${fiveXxSeen} request(s) answered 5xx (see the server logs in ${path.relative(root, resultsDir)}/)`);
process.exit(0);
