import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: it needs the schema, not a connection.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
});
