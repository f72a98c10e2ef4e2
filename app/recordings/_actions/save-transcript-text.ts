"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { TRANSCRIPT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";
import { updateRecording } from "@/lib/recordings/update-recording";

// Ownership and version are checked inside updateRecording.
// No revalidatePath here on purpose: re-rendering the page would remount the editor under the
// person typing; the editor already shows what was saved, and every other view reads fresh data.
export const saveTranscriptText = defineAction(
  z.object({ id: z.string(), text: plainText(TRANSCRIPT_TEXT_MAX_CHARS, { multiline: true }), version: z.number().int().min(0) }),
  async ({ id, text, version }, caller) => {
    const updated = await updateRecording(id, caller, { transcriptText: text, transcriptVersion: version });
    return { version: updated.transcriptVersion, text: updated.transcriptText ?? "" };
  },
);
