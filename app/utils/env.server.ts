import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_TEMPLATE_MAX_BYTES } from "~/domain/documents/template-check";

/** EVIDENCE_MAX_BYTES when unset: 2 GiB. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 2 * 1024 ** 3;

// Process configuration, read once. Defaults make `npm start` work on a fresh clone.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), "data")),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  // The key material that seals stored secrets (the SMTP password); the session secret when unset
  // (docs/decisions/0023-sealed-settings-secrets.md).
  SETTINGS_KEY: z.string().min(32, "SETTINGS_KEY must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  // Demo mode shows the demo accounts on the login page; on unless set to "false".
  PROCURA_DEMO: z.enum(["true", "false"]).default("true"),
  // Plain-http deployments other than localhost (a demo on a LAN address) need this to sign in;
  // browsers accept Secure cookies from http://localhost.
  PROCURA_INSECURE_COOKIES: z.enum(["true", "false"]).default("false"),
  // The largest evidence file accepted, in bytes (a whole number, at least 1); larger uploads get 413.
  EVIDENCE_MAX_BYTES: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "EVIDENCE_MAX_BYTES must be a whole number of bytes, at least 1")
    .refine((v) => Number.isSafeInteger(Number(v)), "EVIDENCE_MAX_BYTES is too large")
    .default(String(DEFAULT_EVIDENCE_MAX_BYTES)),
  // The largest document template an administrator may upload, in bytes (default 5 MiB).
  TEMPLATE_MAX_BYTES: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, "TEMPLATE_MAX_BYTES must be a whole number of bytes, at least 1")
    .default(String(DEFAULT_TEMPLATE_MAX_BYTES)),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  dataDir: string;
  databaseUrl: string;
  sessionSecret: string;
  /** What the settings key is derived from: SETTINGS_KEY, or the session secret (app/utils/secret-box.server.ts). */
  settingsKeyMaterial: string;
  demo: boolean;
  secureCookies: boolean;
  /** The largest evidence file an upload may carry, in bytes (EVIDENCE_MAX_BYTES). */
  evidenceMaxBytes: number;
  /** The largest template file an upload may carry, in bytes (TEMPLATE_MAX_BYTES). */
  templateMaxBytes: number;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.parse(process.env);
  const dataDir = path.resolve(parsed.DATA_DIR);
  const databaseUrl = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "procura.db")}`;
  const sessionSecret = parsed.SESSION_SECRET ?? localSecret(dataDir);
  cached = {
    nodeEnv: parsed.NODE_ENV,
    dataDir,
    databaseUrl,
    sessionSecret,
    settingsKeyMaterial: parsed.SETTINGS_KEY ?? sessionSecret,
    demo: parsed.PROCURA_DEMO === "true",
    secureCookies: parsed.NODE_ENV === "production" && parsed.PROCURA_INSECURE_COOKIES !== "true",
    evidenceMaxBytes: Number(parsed.EVIDENCE_MAX_BYTES),
    templateMaxBytes: Number(parsed.TEMPLATE_MAX_BYTES),
  };
  return cached;
}

/**
 * Without SESSION_SECRET, a random secret is made once and kept in DATA_DIR (owner-only), so no
 * installation signs cookies with a value printed in the source.
 *
 * Several workers start at once on a fresh DATA_DIR (scripts/serve.mjs runs one per core), and all
 * of them must end up with the same secret, or a session cookie signed by one worker is refused by
 * the next. The secret is written to a file of its own and then linked into place: the link
 * appears complete or not at all, and only the first one succeeds; the others read that one.
 */
export function localSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  const existing = readSecret(file);
  if (existing !== null) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error; // another process made it first
  } finally {
    fs.rmSync(draft, { force: true });
  }
  const secret = readSecret(file);
  if (secret === null) throw new Error(`${file} vanished while it was being made`);
  return secret;
}

/** The stored secret, null when there is no file; an empty file is an error, never a secret. */
function readSecret(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (!text) throw new Error(`${file} is empty: delete it (every session ends) or set SESSION_SECRET`);
  return text;
}
