import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { recordingSpeakers } from "@/db/schema";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import type { Speaker } from "./speaker";

/** A recording's speakers in the order people see them. */
export async function listSpeakers(source: Database | Transaction, recording: VisibleRecording): Promise<Speaker[]> {
  return source
    .select({ id: recordingSpeakers.id, name: recordingSpeakers.name, color: recordingSpeakers.color })
    .from(recordingSpeakers)
    .where(eq(recordingSpeakers.recordingId, recording.id))
    .orderBy(asc(recordingSpeakers.position), asc(recordingSpeakers.name));
}
