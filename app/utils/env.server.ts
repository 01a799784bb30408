import path from "node:path";
import { z } from "zod";

// Process configuration, read once. Defaults make `npm start` work on a fresh clone.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  DATA_DIR: z.string().min(1).default(path.join(process.cwd(), "data")),
  DATABASE_URL: z.string().optional(),
  SESSION_SECRET: z.string().optional(),
  // Demo mode shows the demo accounts on the login page; on unless set to "false".
  PROCURA_DEMO: z.enum(["true", "false"]).default("true"),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
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
  if (parsed.NODE_ENV === "production" && !parsed.SESSION_SECRET && parsed.PROCURA_DEMO === "false") {
    throw new Error("SESSION_SECRET must be set in production outside demo mode");
  }
  cached = {
    nodeEnv: parsed.NODE_ENV,
    port: parsed.PORT,
    dataDir,
    databaseUrl,
    sessionSecret: parsed.SESSION_SECRET ?? "procura-demo-secret-change-me",
    demo: parsed.PROCURA_DEMO === "true",
    // Secure cookies need HTTPS; the demo is served over plain http on localhost.
    secureCookies: parsed.NODE_ENV === "production" && parsed.PROCURA_DEMO === "false",
  };
  return cached;
}
