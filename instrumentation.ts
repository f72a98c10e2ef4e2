// Runs once when a server process starts: apply pending migrations before any request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateDatabase } = await import("@/db/migrate");
  const { logger } = await import("@/lib/log/logger");
  await migrateDatabase();
  logger.info("database migrations applied");
}
