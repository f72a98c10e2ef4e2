"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { splitSegment } from "@/lib/transcripts/split-segment";

// Indices move, so the page is rendered again from the new transcript.
export const splitSegmentAction = defineAction(
  z.object({ id: z.string(), index: z.number().int().min(0), atChar: z.number().int().min(0), version: z.number().int().min(0) }),
  async ({ id, index, atChar, version }, caller) => {
    const { version: saved } = await splitSegment(id, caller, { index, atChar, expectedVersion: version });
    revalidatePath(`/recordings/${id}`);
    return { version: saved };
  },
);
