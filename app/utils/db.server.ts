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

/**
 * How long a statement waits for another connection's write lock before it fails with
 * SQLITE_BUSY. The production server runs one process per core (scripts/serve.mjs), each with its
 * own connection; SQLite (WAL) lets them all read at once and one write at a time, so a write waits
 * here while another worker commits. better-sqlite3's default is also 5 s: stated here so it is a
 * decision, not an accident. The wait blocks that worker's event loop, so write transactions must
 * stay short (they do: no network or file work inside one).
 */
export const BUSY_TIMEOUT_MS = 5_000;

type Connection = { prepare: (source: string) => unknown };

/**
 * Every interactive transaction starts with BEGIN IMMEDIATE, taking the write lock up front. The
 * adapter's own plain BEGIN is deferred: it reads first and asks for the write lock at its first
 * write, and when another process committed in between SQLite refuses that upgrade at once with
 * SQLITE_BUSY (the busy timeout does not apply: waiting could not help, the snapshot is stale).
 * That turns two workers writing at the same moment (two audit events appended to the chain, two
 * document numbers allocated) into a 500. Taking the lock at BEGIN makes the second one wait its
 * turn and then read the first one's rows. Within one process the adapter already runs one
 * transaction at a time.
 */
export function beginImmediately(connection: Connection): void {
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source);
}

type Statement = {
  reader: boolean;
  run: (...args: unknown[]) => unknown;
  columns: () => unknown;
  raw: (on?: boolean) => { all: (...args: unknown[]) => unknown };
};

/** Prepared statements kept per connection; the least recently used goes first. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The adapter prepares every statement anew for each query (`prepare(sql).bind(args)`), and SQLite
 * parses and plans it each time: about a tenth of a request's CPU on a page of thirty queries.
 * Keep the prepared statements by their text and hand the adapter a fresh view of one per call,
 * whose bind() only remembers the arguments (a better-sqlite3 statement can be bound only once).
 * The adapter calls reader/columns/raw().all()/run() on that view (checked by the whole test
 * suite; the adapter is pinned to ~6.19).
 */
export function cacheStatements(connection: Connection): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Statement>();
  const view = (statement: Statement, args: unknown[]) => ({
    reader: statement.reader,
    columns: () => statement.columns(),
    run: (...more: unknown[]) => statement.run(...args, ...more),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    bind: (bound: unknown[]) => view(statement, bound),
    all: (...more: unknown[]) => statement.raw(false).all(...args, ...more),
  });
  connection.prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement) cache.delete(source);
    else statement = prepare(source) as Statement;
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return view(statement, []);
  };
}

/** The adapter, with explicit busy timeout and immediate transactions (see above). */
export function sqliteAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client?: Connection }).client;
    // Fail loudly if an adapter upgrade renames its connection, rather than silently going back
    // to deferred transactions.
    if (typeof connection?.prepare !== "function") {
      throw new Error("@prisma/adapter-better-sqlite3: no better-sqlite3 connection on the adapter (see db.server.ts)");
    }
    cacheStatements(connection);
    beginImmediately(connection);
    return adapter;
  };
  return factory;
}

function create(url: string): PrismaClient {
  return new PrismaClient({ adapter: sqliteAdapter(url) });
}

/** One client per process (kept across dev-server reloads). */
export const prisma: PrismaClient = (globalThis.__procuraPrisma ??= create(getEnv().databaseUrl));
