import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma as PrismaNs, PrismaClient } from "~/generated/prisma/client";
import { getEnv } from "~/utils/env.server";

export type { Prisma } from "~/generated/prisma/client";
export type Db = PrismaClient;
/** Tagged SQL fragments for the few raw queries (values are always bound parameters). */
export const sql = PrismaNs.sql;
export const sqlJoin = (values: readonly unknown[], separator?: string) => PrismaNs.join(values, separator);
/** A fixed SQL text (identifiers chosen from a closed list in code, never user input). */
export const sqlRaw = PrismaNs.raw;
export const sqlEmpty = PrismaNs.empty;
export type Sql = PrismaNs.Sql;
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
