import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** Both drivers expose the same query builder; callers never need to know which one is live. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What `db.transaction(async (tx) => …)` hands its callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Connection = {
  db: Database;
  driver: "postgres" | "pglite";
  /** The embedded database itself, for the job queue, which talks to it directly. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

// PostgreSQL's default buffer pool (128 MB) lives inside PGlite's WebAssembly memory, which never
// shrinks, so it ends up resident whole. The embedded database of a small server is a few MB, read
// through the OS page cache anyway: 16 MB holds its working set and saves ~140 MB resident.
const PGLITE_SHARED_BUFFERS = "16MB";

export function pgliteStartParams(): string[] {
  return [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`];
}

function connect(): Connection {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Database,
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!env.PGLITE_DIR.startsWith("memory://")) mkdirSync(env.PGLITE_DIR, { recursive: true });
  // Always with the search extensions: once their indexes exist, every write to an indexed table needs them.
  const client = new PGlite(env.PGLITE_DIR, { extensions: { btree_gin, pg_trgm, unaccent }, startParams: pgliteStartParams() });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    driver: "pglite",
    pglite: client,
    close: () => client.close(),
  };
}

// One connection per process: PGlite must never open the same directory twice, and dev-mode
// module reloading would otherwise do exactly that.
const globalForDb = globalThis as typeof globalThis & { __yozuvDb?: Connection };

export function getConnection(): Connection {
  globalForDb.__yozuvDb ??= connect();
  return globalForDb.__yozuvDb;
}

export function hasConnection(): boolean {
  return globalForDb.__yozuvDb !== undefined;
}

export async function closeConnection(): Promise<void> {
  const connection = globalForDb.__yozuvDb;
  globalForDb.__yozuvDb = undefined;
  await connection?.close();
}

/** Opened on first use, so importing a module that uses the database (as `next build` does) opens nothing. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getConnection().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
