import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { CurrentUser } from "./current-user";

/** Every admin route handler and server action calls this first; the role is the one just read from the database. */
export function requireAdmin(caller: CurrentUser): void {
  if (caller.role !== "admin") throw new AppError("forbidden", { code: "admin_only", messageKey: "admin.admin_only" });
}
