import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";

/** Users see only their own recordings; admins manage everyone's. */
export function visibleTo(caller: CurrentUser): SQL | undefined {
  return caller.role === "admin" ? undefined : eq(recordings.userId, caller.id);
}

const recordingId = z.uuid();

/**
 * Someone else's recording is "not found", exactly like one that does not exist, so ids cannot be
 * probed. A malformed id is "not found" too rather than a database error.
 */
export async function findRecordingForCaller(id: unknown, caller: CurrentUser): Promise<Recording> {
  const [recording] = await db
    .select()
    .from(recordings)
    .where(and(eq(recordings.id, parseRecordingId(id)), visibleTo(caller)));
  if (!recording) throw new AppError("not_found");
  return recording;
}

export function parseRecordingId(id: unknown): string {
  const parsed = recordingId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}
