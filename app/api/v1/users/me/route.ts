import { findUserById } from "@/lib/users/find-user-by-id";
import { saveTranscriptionPreferences, transcriptionPreferencesChange } from "@/lib/users/save-transcription-preferences";
import { userJson } from "@/lib/users/user-json";
import { AppError } from "@/lib/errors/app-error";
import { readJson } from "@/lib/http/read-json";
import { withApi } from "@/lib/http/with-api";

export const GET = withApi(async (_request, { caller }) => {
  const user = await findUserById(caller.id);
  if (!user) throw new AppError("not_found");
  return Response.json(userJson(user));
});

/** The caller's transcription settings: script for Uzbek, default language, vocabulary. */
export const PATCH = withApi(async (request, { caller }) => {
  const user = await saveTranscriptionPreferences(caller.id, await readJson(request, transcriptionPreferencesChange));
  return Response.json(userJson(user));
});
