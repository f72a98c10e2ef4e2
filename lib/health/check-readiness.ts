import "server-only";
import { checkDatabase } from "./check-database";
import { checkEngine } from "./check-engine";
import { checkMigrations } from "./check-migrations";
import { checkStorage } from "./check-storage";
import type { HealthCheck } from "./health-check";

// An orchestrator polls this; a check that hangs must answer "not ready", not hold the request.
const CHECK_TIMEOUT_MS = 5_000;

export type Readiness = { ready: boolean; checks: Record<"database" | "migrations" | "storage" | "engine", HealthCheck> };

/** Whether this instance can serve: the database answers, its schema is current, storage takes files, transcription is set up. */
export async function checkReadiness(): Promise<Readiness> {
  const database = await withTimeout(checkDatabase().then((up): HealthCheck => (up ? { ok: true } : { ok: false, detail: "the database does not answer" })));
  // Without a database, the migrations cannot be read either.
  const [migrations, storage, engine] = await Promise.all([
    database.ok ? withTimeout(checkMigrations()) : Promise.resolve<HealthCheck>({ ok: false, detail: "the database does not answer" }),
    withTimeout(checkStorage()),
    withTimeout(checkEngine()),
  ]);
  const checks = { database, migrations, storage, engine };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

async function withTimeout(check: Promise<HealthCheck>): Promise<HealthCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<HealthCheck>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${CHECK_TIMEOUT_MS / 1000} s` }), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.catch((error: unknown): HealthCheck => ({ ok: false, detail: error instanceof Error ? error.message : String(error) })), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
