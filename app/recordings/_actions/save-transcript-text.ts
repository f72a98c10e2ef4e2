"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { updateRecording } from "@/lib/recordings/update-recording";

// Ownership and version are checked inside updateRecording.
// No revalidatePath here on purpose: re-rendering the page would remount the editor under the
// person typing; the editor already shows what was saved, and every other view reads fresh data.
export const saveTranscriptText = defineAction(
  z.object({ id: z.string(), text: z.string().max(2_000_000), version: z.number().int().min(0) }),
  async ({ id, text, version }, caller) => {
    const updated = await updateRecording(id, caller, { transcriptText: text, transcriptVersion: version });
    return { version: updated.transcriptVersion, text: updated.transcriptText ?? "" };
  },
);
