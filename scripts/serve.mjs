#!/usr/bin/env node
// Procura's production server: Express around the Remix build (what remix-serve does), plus
//  - the client address for sign-in throttling, from the socket, or from X-Forwarded-For only when
//    TRUST_PROXY names the proxies to trust (Express "trust proxy" syntax: "loopback", "1", CIDRs);
//  - an access log that never prints invitation tokens;
//  - cross-site writes refused with 403 and the app's error page rather than Remix's empty 500;
//  - Strict-Transport-Security on requests that came over TLS;
//  - scheduled work (the daily audit anchor): app/utils/scheduler.server.ts, started in every
//    process, run in one (a lease row in the database); PROCURA_SCHEDULER=off leaves it out.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

process.env.NODE_ENV ??= "production";
installGlobals({ nativeFetch: true });

const root = path.resolve(import.meta.dirname, "..");
const build = await import(path.join(root, "build/server/index.js"));
const port = Number(process.env.PORT ?? 3000);

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

/**
 * Remix aborts a write whose Origin names another host with an error, which answers an empty 500.
 * Such a request is a cross-site write: move the Origin to a marker header the app's
 * assertSameOrigin (app/utils/form.server.ts) refuses with 403 and the error page. An untrusted
 * X-Forwarded-Host is dropped first so the host Remix compares is the one Express uses.
 */
export const REFUSED_ORIGIN_HEADER = "x-procura-refused-origin";
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

/** This server's origin as the Remix request URL will carry it (see @remix-run/express). */
function ownOrigin(req) {
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  return `${req.protocol}://${host}`;
}
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));

/** One-time invitation tokens are credentials: keep them out of logs. */
export function redactUrl(url) {
  return url.replace(/^\/invite\/[^/?#]+/, "/invite/[token]");
}
morgan.token("safe-url", (req) => redactUrl(req.originalUrl ?? req.url));
app.use(morgan(":method :safe-url :status :res[content-length] - :response-time ms"));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? null }),
  }),
);

const server = app.listen(port, process.env.HOST, () => {
  console.log(`Procura listening on http://localhost:${port}`);
});
const stopScheduler = process.env.PROCURA_SCHEDULER === "off" ? () => {} : build.entry.module.startScheduler();
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    stopScheduler();
    server.close(() => process.exit(0));
  });
}
