import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/** What pg-boss needs from a connection: run SQL with $1-style parameters and return the rows. */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * pg-boss on the embedded database. Its schema set-up sends several statements at once, which only
 * `exec` accepts; everything with parameters goes through `query`.
 */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await pglite.query<Record<string, unknown>>(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
  };
}

/** pg-boss inside one of our Drizzle transactions, so a job is created exactly when the transaction commits. */
export function transactionExecutor(tx: Transaction): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const result = await tx.execute(withParameters(text, values));
      return { rows: (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[] };
    },
  };
}

/** Rebuilds "… $1 … $2 …" as a Drizzle query whose parameters are bound, never spliced into the text. */
function withParameters(text: string, values: unknown[]): SQL {
  const pieces = text.split(/\$(\d+)/);
  const chunks = pieces.map((piece, position) =>
    position % 2 === 0 ? sql.raw(piece) : sql.param(asParameter(values[Number(piece) - 1])),
  );
  return sql.join(chunks, sql.raw(""));
}

function asParameter(value: unknown): unknown {
  // `pg` sends undefined as NULL and serializes objects (job data) as JSON; postgres.js does neither.
  if (value === undefined) return null;
  return value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) ? JSON.stringify(value) : value;
}
