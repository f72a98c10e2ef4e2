import "server-only";
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { serializeError } from "./serialize-error";

/** JSON lines in production (for log shippers); human-readable lines in development. */
function createLogger(): Logger {
  const options = { level: env.LOG_LEVEL, base: { app: "yozuv" }, redact: ["*.otp", "*.code", "*.authorization"], serializers: { err: serializeError } };
  if (env.NODE_ENV !== "development") return pino(options);
  try {
    // pino-pretty is a dev dependency: a production install without it still logs JSON.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pretty = require("pino-pretty") as typeof import("pino-pretty");
    return pino(options, pretty({ colorize: true, sync: true }));
  } catch {
    return pino(options);
  }
}

export const logger = createLogger();
