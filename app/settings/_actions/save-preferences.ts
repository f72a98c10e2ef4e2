"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveTranscriptionPreferences, transcriptionPreferencesChange } from "@/lib/users/save-transcription-preferences";
import { saveUnsureThreshold, unsureThreshold } from "@/lib/users/save-unsure-threshold";

/**
 * The settings page's transcription preferences, validated as `PATCH /api/v1/users/me` validates them
 * (plus the editor's unsure-word line). Only the signed-in user's own settings: no id is taken.
 */
export const savePreferencesAction = defineAction(transcriptionPreferencesChange.extend({ unsure_threshold: unsureThreshold.optional() }), async ({ unsure_threshold, ...change }, caller) => {
  const user = await saveTranscriptionPreferences(caller.id, change);
  if (unsure_threshold !== undefined) await saveUnsureThreshold(caller.id, unsure_threshold);
  return { script: user.transcriptScript, defaultLanguage: user.defaultLanguage, vocabulary: user.vocabulary, unsureThreshold: unsure_threshold ?? user.unsureThreshold };
});
