import "server-only";
import postgres from "postgres";

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, so processes
 * starting together (web instances, workers) take turns. `work` gets that connection. The lock goes
 * with the session, so it is released even when `work` fails.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, lockId: number, work: (client: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${lockId})`;
    return await work(client);
  } finally {
    await client.end({ timeout: 5 });
  }
}
