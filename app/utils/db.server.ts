import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

export type { Prisma } from "~/generated/prisma/client";
export type Db = PrismaClient;
/** A Prisma client or the client of an open interactive transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

declare global {
  var __procuraPrisma: PrismaClient | undefined;
}

function create(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  return client;
}

/** One client per process (kept across dev-server reloads). */
export const prisma: PrismaClient = (globalThis.__procuraPrisma ??= create(getEnv().databaseUrl));

let pragmasSet: Promise<void> | undefined;
/** WAL and a busy timeout, set once per connection before the first use. */
export function ensurePragmas(client: PrismaClient = prisma): Promise<void> {
  pragmasSet ??= (async () => {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return pragmasSet;
}
