import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD } from "~/routes/login";
import { dateInShanghai } from "~/domain/deadlines/dates";
import { anchorDir } from "~/models/audit-anchor.server";
import { verifyAuditChain } from "~/models/audit.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

// The production server with two worker processes (scripts/serve.mjs, WEB_CONCURRENCY=2) on this
// file's copy of the demo database: 200 clue registrations at once, spread over both workers.
// Each one allocates a clue number (a counter row), inserts the clue and appends an audit event to
// the hash chain, all reads-then-writes in one transaction: between two processes, a transaction
// that did not take the write lock up front would fail (500) or fork the chain.

const root = path.resolve(import.meta.dirname, "../..");
const WRITES = 200;

/** The build is made from app/: rebuild when it is missing or older than any app file. */
function ensureFreshBuild() {
  const built = path.join(root, "build/server/index.js");
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === "generated" ? max : Math.max(max, newest(abs));
      return Math.max(max, fs.statSync(abs).mtimeMs);
    }, 0);
  if (builtAt > Math.max(newest(path.join(root, "app")), fs.statSync(path.join(root, "vite.config.ts")).mtimeMs)) return;
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["vite:build"], { cwd: root, stdio: "ignore" });
}

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

let server: ChildProcess;
let log = "";
let base = "";
let exited: Promise<number | null>;
let anchorsBefore = 0;

const anchors = () => {
  const dir = anchorDir(getEnv().dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith(".json")).length : 0;
};

beforeAll(async () => {
  ensureFreshBuild();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const { databaseUrl, dataDir } = getEnv();
  anchorsBefore = anchors();
  server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: "2", DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!log.includes("(2 workers)")) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await exited;
  }
});

async function signIn(username: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** Answers of `count` form posts sent at once; a body is kept for anything but a redirect. */
function postAll(count: number, path: (i: number) => string, form: (i: number) => Record<string, string>) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      fetch(`${base}${path(i)}`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form(i)),
      }).then(async (r) => ({ status: r.status, location: r.headers.get("location"), body: r.status === 302 ? "" : await r.text() })),
    ),
  );
}
const failures = (responses: { status: number; body: string }[]) =>
  responses.filter((r) => r.status !== 302).map((r) => `${r.status} ${r.body.slice(0, 200)}`);

let cookie = "";
let clueIds: string[] = [];

describe("WEB_CONCURRENCY", () => {
  test("a value that is not a whole number of workers stops the server before it starts", () => {
    const run = () =>
      execFileSync(process.execPath, [path.join(root, "scripts/serve.mjs")], {
        cwd: root,
        env: { ...process.env, WEB_CONCURRENCY: "two", PORT: "0" },
        stdio: "pipe",
      });
    expect(run).toThrow(/WEB_CONCURRENCY must be a whole number of workers/);
  });

  test("a worker heap limit that is not a sensible number of MB stops the server before it starts", () => {
    for (const value of ["lots", "32", "-1", "1.5"]) {
      const run = () =>
        execFileSync(process.execPath, [path.join(root, "scripts/serve.mjs")], {
          cwd: root,
          env: { ...process.env, WEB_CONCURRENCY: "2", WORKER_HEAP_MB: value, PORT: "0" },
          stdio: "pipe",
        });
      expect(run, value).toThrow(/WORKER_HEAP_MB must be 0 \(V8's default\) or a whole number of MB, 64 or more/);
    }
  });
});

describe("two worker processes writing at once", () => {
  test(`${WRITES} concurrent clue registrations: every one answered, stored, numbered and chained`, async () => {
    cookie = await signIn("prosecutor");
    const { procuratorateId } = await prisma.user.findUniqueOrThrow({ where: { username: "prosecutor" } });
    const marker = `并发登记-${Date.now()}`;
    const responses = await postAll(
      WRITES,
      () => "/clues/new",
      (i) => ({ source: "report", receivedOn: dateInShanghai(), summary: `${marker} 第${i}号：群众举报河道夜间有人倾倒建筑垃圾。`, field: "ecology" }),
    );

    // None lost, none refused: every request was answered with the redirect to its new clue.
    expect(failures(responses)).toEqual([]);
    const ids = responses.map((r) => r.location!.match(/^\/clues\/([^?]+)\?registered=1$/)![1]!);
    expect(new Set(ids).size).toBe(WRITES);
    clueIds = ids;

    const clues = await prisma.clue.findMany({ where: { procuratorateId, summary: { startsWith: marker } }, select: { id: true, number: true } });
    expect(clues).toHaveLength(WRITES);
    expect(new Set(clues.map((c) => c.id))).toEqual(new Set(ids));
    // Numbers: distinct and consecutive (no two workers took the same one, none skipped).
    const seqs = clues.map((c) => Number(c.number.split("-").at(-1))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(WRITES - 1);
    expect(new Set(seqs).size).toBe(WRITES);

    // One audit event per clue, and the hash chain is one unbroken line.
    expect(await prisma.auditEvent.count({ where: { action: "clue.register", entityId: { in: ids } } })).toBe(WRITES);
    expect(await verifyAuditChain(prisma)).toBeNull();

    // Each worker runs with the old-space limit (WORKER_HEAP_MB, default 192 MB; V8 adds the young
    // generation to the limit it reports).
    const limits = [...log.matchAll(/listening on port \d+, heap limit (\d+) MB/g)].map((m) => Number(m[1]));
    expect(limits).toHaveLength(2);
    for (const mb of limits) {
      expect(mb).toBeGreaterThanOrEqual(192);
      expect(mb).toBeLessThan(300);
    }
    // Both workers took their share (the access log names the worker of each request).
    const served = (w: string) => log.split("\n").filter((line) => line.startsWith(`${w} POST /clues/new 302`)).length;
    // A worker's log line reaches this process through the primary, possibly after the response.
    for (let waited = 0; served("w1") + served("w2") < WRITES && waited < 5_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(served("w1")).toBeGreaterThan(0);
    expect(served("w2")).toBeGreaterThan(0);
    expect(served("w1") + served("w2")).toBe(WRITES);
    expect(log).not.toMatch(/ 5\d\d \d* ?- /);
  }, 120_000);

  test(`${WRITES} concurrent transitions that read before they write (start evaluating each clue)`, async () => {
    // Each transaction reads its clue, then writes it and appends to the audit chain. Begun
    // deferred, the write would find the snapshot stale once the other worker committed, and fail
    // with SQLITE_BUSY at once (the busy timeout does not apply): a 500.
    const responses = await postAll(WRITES, (i) => `/clues/${clueIds[i]}`, () => ({ intent: "start" }));
    expect(failures(responses)).toEqual([]);
    const moved = await prisma.clue.count({ where: { id: { in: clueIds }, status: "evaluating" } });
    expect(moved).toBe(WRITES);
    expect(await prisma.auditEvent.count({ where: { action: "clue.transition", entityId: { in: clueIds } } })).toBe(WRITES);
    expect(await verifyAuditChain(prisma)).toBeNull();
  }, 120_000);

  test("the scheduler starts in both workers and the day's audit anchor is written once", async () => {
    const period = dateInShanghai();
    // Each worker ticks 5 s after it starts.
    const deadline = Date.now() + 30_000;
    while (!log.includes(`[scheduler] audit-anchor ${period} done`) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1_000)); // the other worker's tick, if it were to run too
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { job_period: { job: "audit-anchor", period } } });
    expect(run.finishedAt).not.toBeNull();
    expect(run.attempts).toBe(1);
    expect(log.split(`[scheduler] audit-anchor ${period} done`)).toHaveLength(2);
    expect(anchors()).toBe(anchorsBefore + 1);
  }, 60_000);

  test("a worker that dies is replaced, and the new one serves", async () => {
    const [first] = [...log.matchAll(/^w1 \(pid (\d+)\) listening/gm)].map((m) => Number(m[1]));
    process.kill(first!, "SIGKILL");
    const deadline = Date.now() + 30_000;
    while (!/^w3 \(pid \d+\) listening/m.test(log) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(log).toMatch(/worker 1 \(pid \d+\) died \(SIGKILL\)/);
    // Both live workers answer (connections are handed out in turn).
    for (let i = 0; i < 6; i++) expect((await fetch(`${base}/login`)).status).toBe(200);
    for (let waited = 0; !/^w3 GET \/login 200/m.test(log) && waited < 5_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    expect(log).toMatch(/^w3 GET \/login 200/m);
  }, 60_000);

  test("SIGTERM stops the workers and the primary cleanly", async () => {
    const workers = [...log.matchAll(/^(w2|w3) \(pid (\d+)\) listening/gm)].map((m) => Number(m[2]));
    expect(workers).toHaveLength(2);
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 30_000);
});
