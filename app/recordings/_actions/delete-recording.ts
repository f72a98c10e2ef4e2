"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { deleteRecording } from "@/lib/recordings/delete-recording";

// Ownership is checked inside deleteRecording: someone else's recording is "not found".
export const deleteRecordingAction = defineAction(z.object({ id: z.string() }), async ({ id }, caller) => {
  await deleteRecording(id, caller);
  revalidatePath("/recordings");
});
