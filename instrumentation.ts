// Runs once when a server process starts: apply pending migrations before any request is served,
// then keep the upload folder clean.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateDatabase } = await import("@/db/migrate");
  const { logger } = await import("@/lib/log/logger");
  const { scheduleStorageSweeps } = await import("@/lib/storage/schedule-storage-sweeps");
  await migrateDatabase();
  logger.info("database migrations applied");
  scheduleStorageSweeps();
}
