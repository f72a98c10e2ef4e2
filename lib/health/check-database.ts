import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/** A real round trip, so a broken or unreachable database reports as down. */
export async function checkDatabase(): Promise<boolean> {
  try {
    const rows = await db.execute<{ ok: number }>(sql`select 1 as ok`);
    return Array.from(rows as Iterable<{ ok: number }>).length === 1 || (rows as { rows?: unknown[] }).rows?.length === 1;
  } catch {
    return false;
  }
}
