import "server-only";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ENGINE_NAMES, type EngineName } from "@/lib/transcription/engine-names";
import { sha256Hex } from "@/lib/transcription/models/model-url";
import { InvalidRoutesError, parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";

/**
 * Every setting Yozuv reads, validated once. `.env.example` documents each one.
 * Import `env` instead of touching `process.env` anywhere else.
 */

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .default("false")
  .transform((value) => value === "true" || value === "1");

const e164List = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, "each entry must be an E.164 number like +998901234567")));

const countryList = z
  .string()
  .default("UZ")
  .transform((value) => value.split(",").map((item) => item.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[A-Z]{2}$/, "each entry must be a two-letter country code")).min(1));

// "*" or exact origins (scheme://host[:port]); anything with a path or a trailing slash would never match an Origin header.
const originList = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string().refine((item) => item === "*" || URL.canParse(item) && new URL(item).origin === item, "each entry must be * or an origin like https://app.example.uz")));

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

const optionalUrl = optionalString.pipe(z.url().optional());

const transcriptionRoutes = z
  .string()
  .default("")
  .transform((value, context) => {
    try {
      return parseTranscriptionRoutes(value);
    } catch (error) {
      if (!(error instanceof InvalidRoutesError)) throw error;
      context.addIssue({ code: "custom", message: error.message });
      return z.NEVER;
    }
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default(".data"),

  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),

  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  APP_URL: optionalUrl,
  TRUST_PROXY: booleanFlag,
  BROWSER_SESSION_DAYS: z.coerce.number().positive().max(365).default(7),
  ADMIN_PHONES: e164List,
  CORS_ORIGINS: originList,

  ALLOWED_PHONE_COUNTRIES: countryList,
  SMS_HOURLY_BUDGET: z.coerce.number().int().positive().default(500),
  SIGN_IN_CODES_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(10),
  SIGN_IN_CHALLENGE_AFTER_PER_IP: z.coerce.number().int().min(0).default(3),
  SIGN_IN_CHALLENGE_AFTER_SITE: z.coerce.number().int().min(0).default(200),
  SIGN_IN_CHALLENGE_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM_NUMBER: optionalString,
  TWILIO_MESSAGING_SERVICE_SID: optionalString,
  TWILIO_API_BASE_URL: optionalUrl,
  ALLOW_DEV_SMS: booleanFlag,

  UPLOAD_DIR: z.string().min(1).default("./uploads"),
  STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: booleanFlag,
  MAX_UPLOAD_MB: z.coerce.number().positive().max(10_240).default(50),
  REQUEST_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  MAX_AUDIO_MINUTES: z.coerce.number().positive().max(24 * 60).default(240),

  TRANSCRIPTION_ENGINE: z.enum(ENGINE_NAMES).optional().or(z.literal("").transform(() => undefined)),
  TRANSCRIPTION_ROUTES: transcriptionRoutes,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_TRANSCRIPTION_MODEL: z.string().min(1).default("whisper-1"),
  WHISPER_MODEL_PATH: optionalString,
  MODELS_DIR: optionalString,
  WHISPER_MODEL_URL: optionalUrl,
  WHISPER_MODEL_SHA256: optionalString.pipe(sha256Hex.optional()),
  WHISPER_MODEL: z.enum(["tiny", "base", "small", "medium", "large-v3-turbo"]).default("small"),
  WHISPER_THREADS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().max(256).default(availableParallelism())),
  WHISPER_IDLE_UNLOAD_SECONDS: z.coerce.number().int().min(0).default(300),
  EMBEDDED_WORKER: z
    .enum(["true", "false", "1", "0", ""])
    .default("true")
    .transform((value) => value !== "false" && value !== "0"),
  MAX_QUEUED_TRANSCRIPTIONS_PER_USER: z.coerce.number().int().positive().default(20),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().max(64).default(1),
  JOB_EXPIRE_MIN_SECONDS: z.coerce.number().int().min(5).default(900),
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(60),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(10),
  TRANSCRIPTION_HEARTBEAT_TIMEOUT_SECONDS: z.coerce.number().int().min(3).default(60),
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),

  WEBHOOK_ALLOW_PRIVATE: booleanFlag,
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().positive().max(3600).default(30),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string; TRANSCRIPTION_ENGINE: EngineName };

export class InvalidEnvError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${String(issue.path[0] ?? "(root)")}: ${issue.message}`);
    super(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
    this.name = "InvalidEnvError";
  }
}

/** Pure: validates a set of variables. Exported for tests; the app uses `env`. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new InvalidEnvError(result.error.issues);
  const parsed = result.data;
  const twilioParts = [parsed.TWILIO_ACCOUNT_SID, parsed.TWILIO_AUTH_TOKEN];
  if (twilioParts.some(Boolean) && !twilioParts.every(Boolean)) {
    throw new InvalidEnvError([
      { code: "custom", path: ["TWILIO_AUTH_TOKEN"], message: "TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together", input: undefined },
    ]);
  }
  if (parsed.TWILIO_ACCOUNT_SID && !parsed.TWILIO_FROM_NUMBER && !parsed.TWILIO_MESSAGING_SERVICE_SID) {
    throw new InvalidEnvError([
      { code: "custom", path: ["TWILIO_FROM_NUMBER"], message: "set TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID", input: undefined },
    ]);
  }
  if (Boolean(parsed.WHISPER_MODEL_URL) !== Boolean(parsed.WHISPER_MODEL_SHA256)) {
    throw new InvalidEnvError([
      { code: "custom", path: ["WHISPER_MODEL_SHA256"], message: "WHISPER_MODEL_URL and WHISPER_MODEL_SHA256 go together: a downloaded model is used only if its hash matches", input: undefined },
    ]);
  }
  if (parsed.STORAGE_DRIVER === "s3") {
    const missing = S3_REQUIRED.filter((name) => !parsed[name]);
    if (missing.length) {
      throw new InvalidEnvError(missing.map((name) => ({ code: "custom", path: [name], message: "required with STORAGE_DRIVER=s3", input: undefined })));
    }
  }
  return parsed;
}

// S3_ENDPOINT is optional (AWS itself); the rest name the bucket and the credentials to reach it.
const S3_REQUIRED = ["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

/**
 * Production must be given a secret: a generated one would differ per instance and sign everyone out
 * on every deploy. Development keeps a generated one in DATA_DIR so restarts keep sessions.
 */
export function resolveAuthSecret(parsed: z.infer<typeof envSchema>): string {
  if (parsed.AUTH_SECRET) return parsed.AUTH_SECRET;
  if (parsed.NODE_ENV === "production" && !isBuildPhase()) {
    throw new InvalidEnvError([
      { code: "custom", path: ["AUTH_SECRET"], message: "required in production (generate one with `openssl rand -base64 48`)", input: undefined },
    ]);
  }
  const file = path.join(parsed.DATA_DIR, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(parsed.DATA_DIR, { recursive: true });
  try {
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process (a worker, a second dev server) created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8").trim();
}

function loadEnv(): Env {
  const parsed = parseEnv(process.env);
  // With an OpenAI key and no explicit choice, use OpenAI; otherwise the local engine, which needs no key.
  const engine = parsed.TRANSCRIPTION_ENGINE ?? (parsed.OPENAI_API_KEY ? "openai" : "local");
  return { ...parsed, AUTH_SECRET: resolveAuthSecret(parsed), TRANSCRIPTION_ENGINE: engine };
}

let loaded: Env | undefined;

/**
 * Validated on first use (the server's start-up reads it at once), so a command that needs one
 * setting can call `parseEnv` without also being held to the web server's production requirements.
 */
export const env: Env = new Proxy({} as Env, {
  get: (_target, name) => Reflect.get((loaded ??= loadEnv()), name),
});
