"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { mergeSegments } from "@/lib/transcripts/merge-segments";

// Indices move, so the page is rendered again from the new transcript.
export const mergeSegmentsAction = defineAction(
  z.object({ id: z.string(), index: z.number().int().min(0), version: z.number().int().min(0) }),
  async ({ id, index, version }, caller) => {
    const { version: saved } = await mergeSegments(id, caller, { index, expectedVersion: version });
    revalidatePath(`/recordings/${id}`);
    return { version: saved };
  },
);
