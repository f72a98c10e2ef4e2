"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { TITLE_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";
import { updateRecording } from "@/lib/recordings/update-recording";

// Ownership is checked inside updateRecording: someone else's recording is "not found".
export const renameRecording = defineAction(z.object({ id: z.string(), title: plainText(TITLE_MAX_CHARS).trim().min(1) }), async ({ id, title }, caller) => {
  const recording = await updateRecording(id, caller, { title });
  revalidatePath("/recordings");
  return { title: recording.title };
});
