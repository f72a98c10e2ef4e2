import "server-only";
import { and, eq, inArray, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";

declare const checked: unique symbol;

/**
 * A recording the caller was shown to be allowed to see. Only this file makes one, so every reader
 * that takes a VisibleRecording (segments, revisions, the file, exports) cannot be reached unchecked.
 */
export type VisibleRecording = Recording & { readonly [checked]: true };

/**
 * Users see only their own recordings; admins manage everyone's. `owner` is the column naming a
 * row's owner (the recording's own, or a copy of it such as a search document's), and a prepared
 * statement passes the caller's id as a placeholder.
 */
export function visibleTo(caller: CurrentUser, options: { owner?: AnyPgColumn; callerId?: Placeholder } = {}): SQL | undefined {
  return caller.role === "admin" ? undefined : eq(options.owner ?? recordings.userId, options.callerId ?? caller.id);
}

const recordingId = z.uuid();

/**
 * Someone else's recording is "not found", exactly like one that does not exist, so ids cannot be
 * probed. A malformed id is "not found" too rather than a database error.
 */
export async function findRecordingForCaller(id: unknown, caller: CurrentUser): Promise<VisibleRecording> {
  const [recording] = await db
    .select()
    .from(recordings)
    .where(and(eq(recordings.id, parseRecordingId(id)), visibleTo(caller)));
  if (!recording) throw new AppError("not_found");
  return recording as VisibleRecording;
}

/** Several recordings, in the order asked for; if any one is not the caller's, "not found" for all. */
export async function findRecordingsForCaller(ids: unknown[], caller: CurrentUser): Promise<VisibleRecording[]> {
  const wanted = ids.map(parseRecordingId);
  const found = await db
    .select()
    .from(recordings)
    .where(and(inArray(recordings.id, wanted), visibleTo(caller)));
  const byId = new Map(found.map((recording) => [recording.id, recording as VisibleRecording]));
  return wanted.map((id) => {
    const recording = byId.get(id);
    if (!recording) throw new AppError("not_found");
    return recording;
  });
}

/**
 * The caller's recording, locked for the rest of the transaction, so two saves of the same transcript
 * take turns and each sees the version the other wrote. Not the caller's: "not found".
 */
export async function lockRecordingForCaller(tx: Transaction, id: unknown, caller: CurrentUser): Promise<VisibleRecording> {
  // Everything inside the transaction: the embedded database has one connection, which it holds.
  const [locked] = await tx
    .select()
    .from(recordings)
    .where(and(eq(recordings.id, parseRecordingId(id)), visibleTo(caller)))
    .for("update");
  if (!locked) throw new AppError("not_found");
  return locked as VisibleRecording;
}

export function parseRecordingId(id: unknown): string {
  const parsed = recordingId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}
