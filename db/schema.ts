import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["user", "admin"]);
export const locale = pgEnum("locale", ["uz", "ru", "en"]);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull().unique(),
    role: userRole("role").notNull().default("user"),
    displayName: text("display_name"),
    preferredLocale: locale("preferred_locale"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Bumped by "sign out everywhere" and deactivation; sessions and tokens carry the value they were issued with.
    tokenVersion: integer("token_version").notNull().default(0),
    ...timestamps,
  },
  (table) => [
    check("users_phone_e164", sql`${table.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    index("users_created_at_idx").on(table.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];
