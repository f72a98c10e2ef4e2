import "server-only";
import { getTableName, sql, type SQL } from "drizzle-orm";
import { audioUsage, recordings, users } from "@/db/schema";
import { usageMonth } from "./usage-month";

export type Usage = { recordings: number; totalSeconds: number; totalBytes: number; monthSeconds: number; monthBytes: number };

/**
 * What a user uses, as subqueries correlated with the outer query's `users` row: the recordings they
 * hold (count, seconds, bytes, and bytes uploaded this month) and the audio seconds uploaded this
 * month from the ledger, which deleting a recording does not undo.
 */
export function usageColumns(): { [Key in keyof Usage]: SQL<number> } {
  const month = usageMonth();
  // Qualified by hand: inside a subquery drizzle would print the bare column name, which the subquery's own table would capture.
  const userId = sql`${sql.identifier(getTableName(users))}.${sql.identifier(users.id.name)}`;
  const held = (expression: SQL, where?: SQL) =>
    sql<number>`(select coalesce(${expression}, 0) from ${recordings} where ${recordings.userId} = ${userId}${where ? sql` and ${where}` : sql``})`.mapWith(Number);
  return {
    recordings: held(sql`count(*)`),
    totalSeconds: held(sql`sum(${recordings.durationSeconds})`),
    totalBytes: held(sql`sum(${recordings.fileSize})`),
    monthBytes: held(sql`sum(${recordings.fileSize})`, sql`${recordings.createdAt} >= ${month.start.toISOString()}`),
    monthSeconds: sql<number>`(select coalesce(sum(${audioUsage.seconds}), 0) from ${audioUsage} where ${audioUsage.userId} = ${userId} and ${audioUsage.month} = ${month.key})`.mapWith(Number),
  };
}
