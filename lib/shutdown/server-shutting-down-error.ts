import "server-only";
import { AppError } from "@/lib/errors/app-error";

/** A 503 for work refused or cut because this process is stopping; the client may retry at once. */
export function serverShuttingDownError(): AppError {
  return new AppError("service_unavailable", { code: "server_shutting_down", messageKey: "serverShuttingDown" });
}
