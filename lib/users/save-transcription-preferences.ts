import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";
import { uzbekScript } from "@/lib/transcription/script/uzbek-script";
import { plainText } from "@/lib/validation/plain-text";

/** A change to a user's transcription settings; absent fields stay as they are, null clears. */
export const transcriptionPreferencesChange = z.object({
  transcript_script: uzbekScript.optional(),
  // "auto" and null both mean: detect.
  default_language: transcriptionLanguage.nullable().optional(),
  // Whisper's prompt holds about 224 tokens; a longer vocabulary would be cut off unseen. One name per
  // line is how people list them, so line breaks are allowed; other control characters are not.
  vocabulary: plainText(500, { multiline: true }).trim().nullable().optional(),
});

export async function saveTranscriptionPreferences(userId: string, change: z.infer<typeof transcriptionPreferencesChange>): Promise<User> {
  const values = {
    ...(change.transcript_script ? { transcriptScript: change.transcript_script } : {}),
    ...(change.default_language !== undefined ? { defaultLanguage: change.default_language === "auto" ? null : change.default_language } : {}),
    ...(change.vocabulary !== undefined ? { vocabulary: change.vocabulary || null } : {}),
  };
  const [user] = Object.keys(values).length > 0 ? await db.update(users).set(values).where(eq(users.id, userId)).returning() : await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("not_found");
  return user;
}
