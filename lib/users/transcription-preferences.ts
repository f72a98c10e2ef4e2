import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { UzbekScript } from "@/lib/transcription/script/uzbek-script";

export type TranscriptionPreferences = { script: UzbekScript; defaultLanguage: string | null; vocabulary: string | null };

const DEFAULTS: TranscriptionPreferences = { script: "latin", defaultLanguage: null, vocabulary: null };

/** What a user chose for their transcripts; the defaults when the user is gone. */
export async function findTranscriptionPreferences(userId: string): Promise<TranscriptionPreferences> {
  const [row] = await db
    .select({ script: users.transcriptScript, defaultLanguage: users.defaultLanguage, vocabulary: users.vocabulary })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? DEFAULTS;
}
