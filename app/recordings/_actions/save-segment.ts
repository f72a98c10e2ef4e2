"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { SEGMENT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { plainText } from "@/lib/validation/plain-text";
import { editSegment } from "@/lib/transcripts/edit-segment";

// Ownership is checked inside editSegment (someone else's recording is "not found"), and so is
// the version: a save against an older version is refused, never silently applied.
// No revalidatePath here on purpose: re-rendering the page would remount the editor under the
// person typing; the editor already shows what was saved, and every other view reads fresh data.
export const saveSegment = defineAction(
  z.object({ id: z.string(), index: z.number().int().min(0), text: plainText(SEGMENT_TEXT_MAX_CHARS, { multiline: true }), version: z.number().int().min(0) }),
  async ({ id, index, text, version }, caller) => {
    const saved = await editSegment(id, caller, { index, text, expectedVersion: version });
    return { version: saved.version, text: saved.text };
  },
);
