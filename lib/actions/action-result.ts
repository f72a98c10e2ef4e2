export type ActionError = { code: string; message: string; retryAfterSeconds?: number; details?: unknown };
export type ActionResult<Data> = { ok: true; data: Data } | { ok: false; error: ActionError };
