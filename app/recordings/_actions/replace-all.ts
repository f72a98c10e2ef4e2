"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { replaceInTranscript } from "@/lib/transcripts/replace-in-transcript";

export const replaceAllAction = defineAction(
  z.object({ id: z.string(), find: z.string().min(1).max(1000), replace: z.string().max(1000), matchCase: z.boolean(), wholeWord: z.boolean(), version: z.number().int().min(0) }),
  async ({ id, version, ...change }, caller) => {
    const result = await replaceInTranscript(id, caller, { ...change, expectedVersion: version });
    revalidatePath(`/recordings/${id}`);
    return result;
  },
);
