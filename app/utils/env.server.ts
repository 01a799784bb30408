import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// Process configuration, read once. Defaults make `npm start` work on a fresh clone.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), "data")),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  // Demo mode shows the demo accounts on the login page; on unless set to "false".
  PROCURA_DEMO: z.enum(["true", "false"]).default("true"),
  // Plain-http deployments other than localhost (a demo on a LAN address) need this to sign in;
  // browsers accept Secure cookies from http://localhost.
  PROCURA_INSECURE_COOKIES: z.enum(["true", "false"]).default("false"),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  databaseUrl: string;
  sessionSecret: string;
  demo: boolean;
  secureCookies: boolean;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  const dataDir = path.resolve(parsed.DATA_DIR);
  const databaseUrl = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "procura.db")}`;
  cached = {
    nodeEnv: parsed.NODE_ENV,
    dataDir,
    databaseUrl,
    sessionSecret: parsed.SESSION_SECRET ?? localSecret(dataDir),
    demo: parsed.PROCURA_DEMO === "true",
    secureCookies: parsed.NODE_ENV === "production" && parsed.PROCURA_INSECURE_COOKIES !== "true",
  };
  return cached;
}

/**
 * Without SESSION_SECRET, a random secret is made once and kept in DATA_DIR (owner-only), so no
 * installation signs cookies with a value printed in the source.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return fs.readFileSync(file, "utf8").trim(); // another process made it first
    }
  }
}
