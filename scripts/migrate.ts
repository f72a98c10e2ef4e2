// `npm run db:migrate`: applies pending migrations to the configured database and exits.
import { closeConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { logger } from "@/lib/log/logger";

async function main() {
  await migrateDatabase();
  logger.info("database migrations applied");
  await closeConnection();
}

void main();
