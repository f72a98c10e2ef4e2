import "server-only";
import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { env } from "@/lib/env";
import { getConnection, hasConnection, pgliteStartParams } from "./client";
import { initializePgliteDir } from "./initialize-pglite-dir";
import { withAdvisoryLock } from "./with-advisory-lock";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same in every process that migrates this database.
const MIGRATION_LOCK_ID = 7_020_611;

/**
 * Applies the committed drizzle-kit migrations that have not run yet. Safe to call on every start.
 * The folder defaults to the app's own (Next runs from the app's directory); a process started
 * from elsewhere, like a worker in a directory of its own, names it.
 */
export async function migrateDatabase(options: { migrationsFolder?: string } = {}): Promise<void> {
  const config = { migrationsFolder: options.migrationsFolder ?? MIGRATIONS_FOLDER };
  if (!env.DATABASE_URL) {
    if (!hasConnection()) await initializePgliteDir(env.PGLITE_DIR, pgliteStartParams());
    await migratePglite(getConnection().db as unknown as PgliteDatabase, config);
    return;
  }
  // Several app instances and workers may start at once: one migrates while the others wait.
  await withAdvisoryLock(env.DATABASE_URL, MIGRATION_LOCK_ID, (client) => migratePostgres(drizzlePostgres(client), config));
}
