import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { sessionUser, type CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { logger } from "@/lib/log/logger";
import type { ActionResult } from "./action-result";

type Options = { public?: boolean };
type Act<Schema extends z.ZodType, Caller, Data> = (input: z.infer<Schema>, caller: Caller) => Promise<Data>;

/**
 * Every server action is built with this: a server action is a public POST endpoint, so it checks the
 * session itself (unless marked public), validates its input with zod, and returns one result shape
 * with a localized error instead of throwing to the client.
 */
export function defineAction<Schema extends z.ZodType, Data>(schema: Schema, act: Act<Schema, CurrentUser, Data>): (input: unknown) => Promise<ActionResult<Data>>;
export function defineAction<Schema extends z.ZodType, Data>(schema: Schema, act: Act<Schema, CurrentUser | null, Data>, options: Options): (input: unknown) => Promise<ActionResult<Data>>;
export function defineAction<Schema extends z.ZodType, Data>(
  schema: Schema,
  act: Act<Schema, CurrentUser, Data> | Act<Schema, CurrentUser | null, Data>,
  options: Options = {},
) {
  // Non-public actions only ever run with a caller (checked below), which is what their type promises.
  const run = act as Act<Schema, CurrentUser | null, Data>;
  return async (input: unknown): Promise<ActionResult<Data>> => {
    try {
      const caller = await sessionUser();
      if (!caller && !options.public) throw new AppError("unauthorized");
      const parsed = schema.safeParse(input);
      if (!parsed.success) throw new AppError("validation");
      return { ok: true, data: await run(parsed.data, caller) };
    } catch (error) {
      unstable_rethrow(error);
      return { ok: false, error: await localizedActionError(error) };
    }
  };
}

export async function localizedActionError(error: unknown) {
  const appError = error instanceof AppError ? error : new AppError("internal", { cause: error });
  if (appError.kind === "internal") logger.error({ err: error }, "server action failed");
  const t = await getTranslations("errors");
  return {
    code: appError.code,
    message: t(appError.messageKey as Parameters<typeof t>[0], appError.values),
    ...(appError.retryAfterSeconds ? { retryAfterSeconds: Math.ceil(appError.retryAfterSeconds) } : {}),
    ...(appError.details ? { details: appError.details } : {}),
  };
}
