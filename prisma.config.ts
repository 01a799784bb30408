import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The CLI must always see a datasource url, or Prisma 6.19 tries to download a query-engine
// binary (see ../shared/STACK.md). The default matches app/utils/env.server.ts.
const dataDir = process.env.DATA_DIR ?? path.join(process.cwd(), "data");
process.env.DATABASE_URL ??= `file:${path.join(dataDir, "procura.db")}`;
process.env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING ??= "1";
const dbFile = process.env.DATABASE_URL.replace(/^file:/, "");
fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! });
  },
});
