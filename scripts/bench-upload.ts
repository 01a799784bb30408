// `npm run bench:upload -- [--size-mib 1024] [--download-mib-per-s 64] [--keep]`
//
// The upload benchmark of issue 8: one large file (1 GiB by default) uploaded through the HTTP
// upload route (POST evidenceUploadPath, multipart field "file", as a signed-in prosecutor with
// an Origin header, answered as JSON) of the production server (scripts/serve.mjs,
// WEB_CONCURRENCY=1, scheduler off) on a throwaway DATA_DIR loaded with the demo seed, timed
// beside a baseline on the same disk: `cp` of the same file, then `sync`, then `sha256sum` of the
// copy (what the upload has to do: write, flush, hash). Prints both throughputs and their ratio
// (goal ≥ 0.5×), and the server's RSS growth during the upload, sampled from /proc/<pid>/status
// every 20 ms (goal < 64 MiB). Then downloads the stored file through the evidence file route
// (evidenceFilePath) with a client that reads no faster than --download-mib-per-s (64 by default,
// far below what the disk gives) and samples the RSS the same way: a server that does not wait for
// a slow client holds the file in memory (docs/decisions/0015 addendum; goal < 64 MiB as well).
// Writes the table to bench-results/upload-<time>.md.
//
// Exits 1 when the server does not start, sign-in fails, the upload is refused, or the stored
// file's SHA-256 differs from the source's. A goal not met does not fail the run.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { evidenceFilePath, evidenceUploadPath } from "~/domain/evidence/urls";
import { ensureBuild } from "./bench-http/build";

const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.error(`[bench:upload] ${line}`);

function fail(message: string): never {
  log(`FAILED: ${message}`);
  cleanup();
  process.exit(1);
}

function usage(message?: string): never {
  if (message) console.error(message);
  console.error("Usage: npm run bench:upload -- [--size-mib N] [--download-mib-per-s N] [--keep]");
  process.exit(2);
}

const options = { sizeMib: 1024, downloadMibPerS: 64, keep: false };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (arg === "--keep") options.keep = true;
  else if (arg === "--size-mib") {
    const n = Number(process.argv[++i]);
    if (!Number.isInteger(n) || n < 1) usage("--size-mib needs a whole number of MiB, 1 or more");
    options.sizeMib = n;
  } else if (arg === "--download-mib-per-s") {
    const n = Number(process.argv[++i]);
    if (!Number.isFinite(n) || n <= 0) usage("--download-mib-per-s needs a positive number");
    options.downloadMibPerS = n;
  } else usage(`unknown option ${arg}`);
}
const size = options.sizeMib * 2 ** 20;

// The throwaway data folder lives on the repository's disk (not a tmpfs), like a real DATA_DIR, and
// the baseline copies within it.
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const work = path.join(root, "data", `bench-upload-${stamp}`);
const dataDir = path.join(work, "data");
const databaseUrl = `file:${path.join(dataDir, "procura.db")}`;
let server: ChildProcess | null = null;

function cleanup() {
  if (server && server.exitCode === null) server.kill("SIGKILL");
  if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
}
process.on("SIGINT", () => fail("interrupted"));

const mibPerS = (bytes: number, ms: number) => bytes / 2 ** 20 / (ms / 1000);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const mark = (ok: boolean) => (ok ? "met" : "NOT met");

// ---------------------------------------------------------------------------------------------
// The source file and the baseline

/** Writes `size` random bytes (fresh per MiB, so nothing is compressible or deduplicated); returns its SHA-256. */
function makeSource(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "w");
  try {
    for (let written = 0; written < size; ) {
      const chunk = randomBytes(Math.min(2 ** 20, size - written));
      fs.writeSync(fd, chunk);
      hash.update(chunk);
      written += chunk.length;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function baseline(source: string, sha256: string) {
  const copy = path.join(work, "copy.bin");
  execFileSync("sync");
  const cp = timed(() => execFileSync("cp", [source, copy]));
  const sync = timed(() => execFileSync("sync"));
  let printed = "";
  const sum = timed(() => {
    printed = execFileSync("sha256sum", [copy], { encoding: "utf8" });
  });
  if (!printed.startsWith(sha256)) fail(`sha256sum of the copy printed ${printed.trim()}, expected ${sha256}`);
  fs.rmSync(copy);
  return { cp, sync, sum, total: cp + sync + sum };
}

// ---------------------------------------------------------------------------------------------
// The server

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}


async function startServer(): Promise<{ base: string; pid: number; logFile: string; process: ChildProcess }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
  log("migrating and loading the demo seed into a throwaway data folder …");
  execFileSync(process.execPath, [path.join(root, "scripts/prepare-db.mjs")], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const port = await freePort();
  const logFile = path.join(work, "server.log");
  const fd = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: "1", // serves in this one process: its RSS is the server's
      PROCURA_SCHEDULER: "off",
      EVIDENCE_MAX_BYTES: process.env.EVIDENCE_MAX_BYTES ?? String(Math.max(2 * 2 ** 30, size + 2 ** 20)),
    },
    stdio: ["ignore", fd, fd],
  });
  server = child;
  fs.closeSync(fd);
  const deadline = Date.now() + 120_000;
  while (!fs.readFileSync(logFile, "utf8").includes("Procura listening")) {
    if (child.exitCode !== null || Date.now() > deadline) fail(`the server did not start:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    await sleep(100);
  }
  return { base: `http://127.0.0.1:${port}`, pid: child.pid!, logFile, process: child };
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "prosecutor", password: "procura-demo", redirectTo: "" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) fail(`signing in as prosecutor answered ${response.status}`);
  return cookie;
}

/** An evidence item on an open case (evidence is frozen once a case is closed) of the demo prosecutor's procuratorate. */
function targetItem(): { caseId: string; evidenceId: string } {
  const db = new Database(path.join(dataDir, "procura.db"), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT e."id" AS evidenceId, e."caseId" AS caseId FROM "Evidence" e JOIN "Case" c ON c."id" = e."caseId"
         JOIN "User" u ON u."procuratorateId" = c."procuratorateId" AND u."username" = 'prosecutor'
         WHERE e."containsPersonal" = 0 AND c."state" NOT IN ('closed', 'not_filed') ORDER BY e."createdAt" LIMIT 1`,
      )
      .get() as { caseId: string; evidenceId: string } | undefined;
    if (!row) fail("the demo seed has no evidence item for the prosecutor");
    return row;
  } finally {
    db.close();
  }
}

/** Streams the file as multipart/form-data (field "file") to the upload route; resolves with the answer. */
function upload(base: string, url: string, cookie: string, source: string): Promise<{ status: number; body: string }> {
  const boundary = `----procura-bench-${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-${options.sizeMib}MiB.bin"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      base + url,
      {
        method: "POST",
        headers: {
          Cookie: cookie,
          Origin: base,
          Accept: "application/json",
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(head.length + size + tail.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.write(head);
    const stream = fs.createReadStream(source, { highWaterMark: 2 ** 20 });
    stream.on("error", reject);
    stream.pipe(request, { end: false });
    stream.on("end", () => request.end(tail));
  });
}

/**
 * Downloads `url` no faster than `mibPerS` (pausing the response when ahead of that pace, so the
 * server's socket fills up as with a slow link); resolves with the status, size and SHA-256 read.
 */
function slowDownload(url: string, cookie: string, mibPerS: number): Promise<{ status: number; bytes: number; sha256: string }> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    let bytes = 0;
    const started = performance.now();
    http
      .get(url, { headers: { Cookie: cookie } }, (response) => {
        response.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
          const due = (bytes / 2 ** 20 / mibPerS) * 1000 - (performance.now() - started);
          if (due > 1) {
            response.pause();
            setTimeout(() => response.resume(), due);
          }
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, sha256: hash.digest("hex") }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Samples the server's RSS every 20 ms while `run` runs; returns its result and the peak. */
async function withRssPeak<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; before: number; peak: number }> {
  const before = rssBytes(pid);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, rssBytes(pid));
      await sleep(20);
    }
  })();
  let result: T;
  try {
    result = await run();
  } finally {
    sampling = false;
    await sampler;
  }
  return { result, before, peak: Math.max(peak, rssBytes(pid)) };
}

// ---------------------------------------------------------------------------------------------
// The run

fs.mkdirSync(work, { recursive: true });
const started = new Date();
const source = path.join(work, "source.bin");
log(`writing a ${options.sizeMib} MiB source file …`);
const sha256 = makeSource(source);

log("baseline: cp, sync, sha256sum …");
const base1 = baseline(source, sha256);

ensureBuild(root, log);
const srv = await startServer();
const cookie = await signIn(srv.base);
const item = targetItem();
const url = evidenceUploadPath(item.caseId, item.evidenceId);
// Warm the route (its modules, the session lookup) with a small upload, then let it settle.
{
  const boundary = `----procura-warm-${randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="warm.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    randomBytes(64 * 1024),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const warm = await fetch(srv.base + url, {
    method: "POST",
    headers: { Cookie: cookie, Origin: srv.base, Accept: "application/json", "Content-Type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
  if (warm.status === 404 || warm.status === 405) {
    fail(`POST ${url} answered ${warm.status}: the upload route (evidenceUploadPath) is not in this build`);
  }
  if (!warm.ok) fail(`the warm-up upload answered ${warm.status}: ${(await warm.text()).slice(0, 500)}`);
}
await sleep(1000);

const rssBefore = rssBytes(srv.pid);
let rssPeak = rssBefore;
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    rssPeak = Math.max(rssPeak, rssBytes(srv.pid));
    await sleep(20);
  }
})();
log(`uploading ${options.sizeMib} MiB to ${url} …`);
const t0 = performance.now();
const answer = await upload(srv.base, url, cookie, source);
const uploadMs = performance.now() - t0;
sampling = false;
await sampler;
rssPeak = Math.max(rssPeak, rssBytes(srv.pid));
if (answer.status < 200 || answer.status >= 300) fail(`the upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
const stored = path.join(dataDir, "files", sha256.slice(0, 2), sha256);
if (!fs.existsSync(stored) || fs.statSync(stored).size !== size) fail(`the upload answered ${answer.status} but ${stored} is not there with ${size} bytes`);
const db = new Database(path.join(dataDir, "procura.db"), { readonly: true });
const fileRow = db.prepare(`SELECT "id" FROM "EvidenceFile" WHERE "sha256" = ? ORDER BY "createdAt" DESC LIMIT 1`).get(sha256) as { id: string } | undefined;
db.close();
if (!fileRow) fail("the upload answered but no EvidenceFile row records the file's SHA-256");

await sleep(1000);
log(`downloading it again at ${options.downloadMibPerS} MiB/s …`);
const down = await withRssPeak(srv.pid, () => slowDownload(srv.base + evidenceFilePath(fileRow.id, { download: true }), cookie, options.downloadMibPerS));
if (down.result.status !== 200 || down.result.bytes !== size || down.result.sha256 !== sha256) {
  fail(`the download answered ${down.result.status} with ${down.result.bytes} bytes (SHA-256 ${down.result.sha256}), expected 200, ${size} bytes, ${sha256}`);
}
const downGrowthMib = (down.peak - down.before) / 2 ** 20;

srv.process.kill("SIGTERM");
await sleep(500);

const baseRate = mibPerS(size, base1.total);
const uploadRate = mibPerS(size, uploadMs);
const ratio = uploadRate / baseRate;
const growthMib = (rssPeak - rssBefore) / 2 ** 20;
const lines = [
  `### Upload benchmark (${started.toISOString().slice(0, 16).replace("T", " ")} UTC)`,
  "",
  `Machine: ${os.cpus()[0]?.model.trim() ?? "?"}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}. ` +
    `File: ${options.sizeMib} MiB of random bytes on the repository's disk. Server: scripts/serve.mjs, WEB_CONCURRENCY=1, demo seed, client in the same machine.`,
  "",
  "| run | time s | MiB/s | |",
  "| --- | ---: | ---: | --- |",
  `| baseline: cp ${fmt(base1.cp / 1000, 2)} s + sync ${fmt(base1.sync / 1000, 2)} s + sha256sum ${fmt(base1.sum / 1000, 2)} s | ${fmt(base1.total / 1000, 2)} | ${fmt(baseRate)} | reference |`,
  `| upload: POST ${url.replace(item.caseId, ":caseId").replace(item.evidenceId, ":evidenceId")} (multipart, JSON answer) | ${fmt(uploadMs / 1000, 2)} | ${fmt(uploadRate)} | ${fmt(ratio, 2)}× baseline |`,
  "",
  "| goal (issue 8) | measured | |",
  "| --- | --- | --- |",
  `| upload throughput ≥ 0.5× cp + sync + sha256sum | ${fmt(ratio, 2)}× | ${mark(ratio >= 0.5)} |`,
  `| server RSS growth during the upload < 64 MiB | ${fmt(growthMib)} MiB (${fmt(rssBefore / 2 ** 20, 0)} → peak ${fmt(rssPeak / 2 ** 20, 0)} MiB) | ${mark(growthMib < 64)} |`,
  `| server RSS growth during a download at ${options.downloadMibPerS} MiB/s < 64 MiB | ${fmt(downGrowthMib)} MiB (${fmt(down.before / 2 ** 20, 0)} → peak ${fmt(down.peak / 2 ** 20, 0)} MiB) | ${mark(downGrowthMib < 64)} |`,
  "",
];
const report = lines.join("\n");
const resultsDir = path.join(root, "bench-results");
fs.mkdirSync(resultsDir, { recursive: true });
const reportFile = path.join(resultsDir, `upload-${stamp}.md`);
fs.writeFileSync(reportFile, report);
console.log(report);
log(`written to ${path.relative(root, reportFile)}${options.keep ? `; data kept in ${path.relative(root, work)}` : ""}`);
cleanup();
process.exit(0);
