import { integer, interval, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The columns of pg-boss 10's own job table that the admin console reads. pg-boss creates and
 * migrates it; it is deliberately outside db/schema.ts so drizzle-kit never generates SQL for it.
 */
export const pgbossJob = pgSchema("pgboss").table("job", {
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  state: text("state").notNull(),
  retryCount: integer("retry_count").notNull(),
  retryLimit: integer("retry_limit").notNull(),
  startedOn: timestamp("started_on", { withTimezone: true }),
  expireIn: interval("expire_in").notNull(),
  createdOn: timestamp("created_on", { withTimezone: true }).notNull(),
  completedOn: timestamp("completed_on", { withTimezone: true }),
});
