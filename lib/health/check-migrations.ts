import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { desc } from "drizzle-orm";
import { bigint, pgSchema } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import type { HealthCheck } from "./health-check";

// drizzle's own record of applied migrations; kept out of db/schema.ts so drizzle-kit never touches it.
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", { createdAt: bigint("created_at", { mode: "number" }) });

/**
 * Every migration this build ships has been applied. drizzle records each applied migration with its
 * journal timestamp, so the newest one applied must be at least the newest one in the journal.
 */
export async function checkMigrations(migrationsFolder = MIGRATIONS_FOLDER): Promise<HealthCheck> {
  const journal = JSON.parse(await readFile(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { when: number; tag: string }[] };
  // No table yet means no migration has run.
  const [newest] = await db.select({ createdAt: appliedMigrations.createdAt }).from(appliedMigrations).orderBy(desc(appliedMigrations.createdAt)).limit(1).catch(() => []);
  const newestApplied = newest?.createdAt ?? 0;
  const pending = journal.entries.filter((entry) => entry.when > newestApplied);
  return pending.length ? { ok: false, detail: `${pending.length} pending (run npm run db:migrate, or start the web server, which applies them): ${pending.map((entry) => entry.tag).join(", ")}` } : { ok: true };
}
