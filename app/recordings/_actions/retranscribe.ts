"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { transcriptionLanguage } from "@/lib/transcription/language/transcription-language";
import { retranscribeRecording } from "@/lib/recordings/retranscribe-recording";

// Ownership is checked inside retranscribeRecording: someone else's recording is "not found".
export const retranscribe = defineAction(z.object({ id: z.string(), language: transcriptionLanguage.optional() }), async ({ id, language }, caller) => {
  await retranscribeRecording(id, caller, { language });
  revalidatePath(`/recordings/${id}`);
  revalidatePath("/recordings");
});
