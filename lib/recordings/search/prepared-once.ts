import "server-only";
import { getConnection, type Database } from "@/db/client";

const byConnection = new WeakMap<Database, Map<string, unknown>>();

/**
 * The statement `build` prepares, built once per database connection and shape and then only
 * executed with its placeholders' values. Drizzle builds a statement's SQL anew every time it is
 * run: for the library's statements that was about a third of the app's CPU per call, and at 20
 * concurrent searches the app's one thread is as busy as the database.
 */
export function preparedOnce<T>(shape: string, build: (db: Database) => T): T {
  const { db } = getConnection();
  let prepared = byConnection.get(db);
  if (!prepared) byConnection.set(db, (prepared = new Map()));
  if (!prepared.has(shape)) prepared.set(shape, build(db));
  return prepared.get(shape) as T;
}
