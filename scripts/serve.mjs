#!/usr/bin/env node
// Procura's production server: Express around the Remix build (what remix-serve does), plus
//  - one worker process per core (node:cluster): WEB_CONCURRENCY sets how many (default: the
//    number of cores; 1 serves in this process, no cluster). The primary only forks workers,
//    restarts one that dies (backing off when they keep dying) and passes SIGTERM/SIGINT on for a
//    graceful stop. Every worker has its own SQLite connection: WAL lets them read at once, writes
//    take turns (app/utils/db.server.ts: busy timeout, transactions begin immediately);
//  - the client address for sign-in throttling, from the socket, or from X-Forwarded-For only when
//    TRUST_PROXY names the proxies to trust (Express "trust proxy" syntax: "loopback", "1", CIDRs);
//  - an access log that never prints invitation tokens;
//  - cross-site writes refused with 403 and the app's error page rather than Remix's empty 500;
//  - Strict-Transport-Security on requests that came over TLS;
//  - response bodies sent no faster than the client reads them (./remix-handler.mjs, in place of
//    @remix-run/express's handler, which buffered a slow download in memory);
//  - scheduled work (the daily audit anchor): app/utils/scheduler.server.ts, started in every
//    worker, run in one (a lease row in the database); PROCURA_SCHEDULER=off leaves it out.
import cluster from "node:cluster";
import os from "node:os";
import v8 from "node:v8";
import path from "node:path";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { createRequestHandler } from "./remix-handler.mjs";

process.env.NODE_ENV ??= "production";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);

/** A worker that lived this long before it died is restarted at once (not a crash loop). */
const STABLE_MS = 30_000;
/** Restart delays while workers keep dying young: 1 s, 2 s, 4 s … up to 30 s. */
const RESTART_BASE_MS = 1_000;
const RESTART_MAX_MS = 30_000;
/** Give up when this many workers in a row died before any worker ever listened (bad build, port taken). */
const MAX_STARTUP_FAILURES = 3;
/** How long a graceful stop may take before the remaining connections are cut. */
const STOP_GRACE_MS = 10_000;

/**
 * The number of worker processes: WEB_CONCURRENCY, a positive whole number, or the number of
 * cores the process may use.
 */
export function workerCount(value = process.env.WEB_CONCURRENCY) {
  if (value === undefined || value.trim() === "") return Math.max(1, os.availableParallelism());
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of workers, 1 or more (got "${value}")`);
  }
  return Number(value);
}

/**
 * Each worker's V8 old-space limit in MB: WORKER_HEAP_MB, default 192. Left alone, V8 lets a busy
 * worker's heap grow to several times what it holds live (RSS near 550 MB per worker under 20
 * connections at 100,000 cases, of which ~90 MB live); with the limit it collects sooner and stays
 * near 250 MB, at no measurable cost in throughput (README, "Search and lists at scale"). A limit
 * given in NODE_OPTIONS or on the command line wins. 0 leaves V8's default.
 */
export function workerHeapArgs(value = process.env.WORKER_HEAP_MB, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") {
  if ([...execArgv, nodeOptions].some((a) => a.includes("--max-old-space-size"))) return [];
  const mb = value === undefined || value.trim() === "" ? 192 : Number(value.trim());
  if (!Number.isInteger(mb) || mb < 0 || (mb > 0 && mb < 64)) {
    throw new Error(`WORKER_HEAP_MB must be 0 (V8's default) or a whole number of MB, 64 or more (got "${value}")`);
  }
  return mb === 0 ? [] : [`--max-old-space-size=${mb}`];
}

/**
 * Remix aborts a write whose Origin names another host with an error, which answers an empty 500.
 * Such a request is a cross-site write: move the Origin to a marker header the app's
 * assertSameOrigin (app/utils/form.server.ts) refuses with 403 and the error page. An untrusted
 * X-Forwarded-Host is dropped first so the host Remix compares is the one Express uses.
 */
export const REFUSED_ORIGIN_HEADER = "x-procura-refused-origin";

/** One-time invitation tokens are credentials: keep them out of logs. */
export function redactUrl(url) {
  return url.replace(/^\/invite\/[^/?#]+/, "/invite/[token]");
}

/** This server's origin as the Remix request URL will carry it (see createRemixRequest in ./remix-handler.mjs). */
function ownOrigin(req) {
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  return `${req.protocol}://${host}`;
}

/** Serves the app in this process (a cluster worker, or the only process). */
async function serve() {
  installGlobals({ nativeFetch: true });
  const build = await import(path.join(root, "build/server/index.js"));

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) {
    const value = process.env.TRUST_PROXY;
    app.set("trust proxy", /^\d+$/.test(value) ? Number(value) : value === "true" ? true : value);
  }
  app.use(compression());

  /** HSTS only over TLS: directly, or per X-Forwarded-Proto from a proxy TRUST_PROXY trusts. */
  app.use((req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  app.use((req, _res, next) => {
    delete req.headers[REFUSED_ORIGIN_HEADER];
    if (req.headers["x-forwarded-host"] && !app.get("trust proxy fn")(req.socket.remoteAddress, 0)) {
      delete req.headers["x-forwarded-host"];
    }
    const origin = req.headers.origin;
    if (req.method !== "GET" && req.method !== "HEAD" && origin !== undefined && origin !== ownOrigin(req)) {
      delete req.headers.origin;
      req.headers[REFUSED_ORIGIN_HEADER] = origin;
    }
    next();
  });

  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));

  morgan.token("safe-url", (req) => redactUrl(req.originalUrl ?? req.url));
  // In a cluster each line names its worker (w1, w2 …), which is what served the request.
  const worker = cluster.isWorker ? `w${cluster.worker.id} ` : "";
  app.use(morgan(`${worker}:method :safe-url :status :res[content-length] - :response-time ms`));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? null }),
    }),
  );

  const server = app.listen(port, process.env.HOST, () => {
    const heapMb = Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
    if (cluster.isWorker) console.log(`${worker}(pid ${process.pid}) listening on port ${port}, heap limit ${heapMb} MB`);
    else console.log(`Procura listening on http://localhost:${port}`);
  });
  const stopScheduler = process.env.PROCURA_SCHEDULER === "off" ? () => {} : build.entry.module.startScheduler();
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopScheduler();
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    });
  }
}

/**
 * The cluster's primary: forks `count` workers (the port is shared, connections are handed out
 * round-robin), restarts a worker that dies, and stops them all on SIGTERM/SIGINT.
 */
function runPrimary(count, heapArgs) {
  const limit = heapArgs[0]?.split("=")[1];
  console.log(
    `Procura primary (pid ${process.pid}): starting ${count} workers (WEB_CONCURRENCY), ` +
      (limit ? `old space ${limit} MB each (WORKER_HEAP_MB)` : "V8's default heap limit"),
  );
  let stopping = false;
  let exitCode = 0;
  let listeningEvents = 0;
  /** Workers that died young in a row; a worker that lived STABLE_MS resets it. */
  let streak = 0;
  const restarts = new Set();
  /** The live workers and when each started (cluster.workers may still list one that exited). */
  const workers = new Map();
  const fork = () => {
    const worker = cluster.fork();
    workers.set(worker.id, { worker, startedAt: Date.now() });
  };

  cluster.on("listening", () => {
    listeningEvents += 1;
    if (listeningEvents === count) console.log(`Procura listening on http://localhost:${port} (${count} workers)`);
  });

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (workers.get(worker.id)?.startedAt ?? Date.now());
    workers.delete(worker.id);
    if (stopping) {
      if (workers.size === 0) process.exit(exitCode);
      return;
    }
    const how = signal ?? `exit code ${code}`;
    streak = lived >= STABLE_MS ? 0 : streak + 1;
    if (listeningEvents === 0 && streak >= MAX_STARTUP_FAILURES) {
      console.error(`Procura: ${streak} workers in a row died before serving (last: ${how}); giving up`);
      stop("SIGTERM", 1);
      return;
    }
    const delay = streak === 0 ? 0 : Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (streak - 1));
    console.error(
      `Procura: worker ${worker.id} (pid ${worker.process.pid}) died (${how}) after ${Math.round(lived / 1000)} s; a new one starts in ${delay / 1000} s`,
    );
    const timer = setTimeout(() => {
      restarts.delete(timer);
      fork();
    }, delay);
    restarts.add(timer);
  });

  /** Passes the signal on to every worker; exits when they have all stopped (or cuts them off). */
  function stop(signal, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restarts) clearTimeout(timer);
    restarts.clear();
    if (workers.size === 0) process.exit(exitCode);
    for (const { worker } of workers.values()) worker.process.kill(signal);
    setTimeout(() => {
      for (const { worker } of workers.values()) worker.process.kill("SIGKILL");
      process.exit(exitCode || 1);
    }, STOP_GRACE_MS + 2_000).unref();
  }
  for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => stop(signal));

  cluster.setupPrimary({ execArgv: [...process.execArgv, ...heapArgs] });
  for (let i = 0; i < count; i++) fork();
}

if (cluster.isPrimary) {
  let count;
  let heapArgs;
  try {
    count = workerCount();
    heapArgs = workerHeapArgs();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  if (count > 1) runPrimary(count, heapArgs);
  else await serve();
} else {
  await serve();
}
