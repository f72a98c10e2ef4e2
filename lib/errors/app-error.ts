/**
 * The one error type that crosses from `lib/` to the HTTP layer. `code` is stable for API clients;
 * `messageKey` names the localized text under `errors.` in the message catalog.
 */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  precondition_required: 428,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  service_unavailable: 503,
} as const;

export type ErrorKind = keyof typeof errorStatus;

type AppErrorOptions = {
  /** The API's `error.code`; defaults to the kind. Lets a domain give a more specific code (e.g. `otp_expired`). */
  code?: string;
  /** Key under `errors.` in the messages; defaults to the kind in camelCase. */
  messageKey?: string;
  values?: Record<string, string | number>;
  retryAfterSeconds?: number;
  details?: unknown;
  cause?: unknown;
};

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly messageKey: string;
  readonly values: Record<string, string | number>;
  readonly retryAfterSeconds?: number;
  readonly details?: unknown;

  constructor(kind: ErrorKind, options: AppErrorOptions = {}) {
    super(options.code ?? kind, { cause: options.cause });
    this.name = "AppError";
    this.kind = kind;
    this.code = options.code ?? kind;
    this.messageKey = options.messageKey ?? kind.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.values = { ...options.values, ...(options.retryAfterSeconds ? { seconds: options.retryAfterSeconds } : {}) };
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.kind];
  }
}
