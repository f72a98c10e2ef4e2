import "server-only";
import { and, eq } from "drizzle-orm";
import { recordings, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/http/app-error";
import { parseRecordingId, visibleTo } from "@/lib/recordings/recording-access";
import type { Transaction } from "@/db/client";

/**
 * The caller's recording, locked for the rest of the transaction, so two saves of the same transcript
 * take turns and each sees the version the other wrote. Not the caller's: "not found".
 */
export async function lockRecordingForCaller(tx: Transaction, id: unknown, caller: CurrentUser): Promise<Recording> {
  // Everything inside the transaction: the embedded database has one connection, which it holds.
  const [locked] = await tx
    .select()
    .from(recordings)
    .where(and(eq(recordings.id, parseRecordingId(id)), visibleTo(caller)))
    .for("update");
  if (!locked) throw new AppError("not_found");
  return locked;
}
