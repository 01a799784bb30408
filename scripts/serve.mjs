#!/usr/bin/env node
// Procura's production server: Express around the Remix build (what remix-serve does), plus
//  - the client address for sign-in throttling, from the socket, or from X-Forwarded-For only when
//    TRUST_PROXY names the proxies to trust (Express "trust proxy" syntax: "loopback", "1", CIDRs);
//  - an access log that never prints invitation tokens.
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
for (const signal of ["SIGTERM", "SIGINT"]) process.once(signal, () => server.close(() => process.exit(0)));
