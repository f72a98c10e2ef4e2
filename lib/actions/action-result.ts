export type ActionError = { code: string; message: string; retryAfterSeconds?: number };
export type ActionResult<Data> = { ok: true; data: Data } | { ok: false; error: ActionError };
