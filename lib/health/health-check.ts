/** One readiness check: whether it passed and, when it did not (or to say something useful), why. */
export type HealthCheck = { ok: boolean; detail?: string };
