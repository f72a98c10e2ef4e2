"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { assignSpeaker } from "@/lib/transcripts/speakers/assign-speaker";

// Ownership and the version are checked inside; no revalidatePath, like saveSegment (the editor shows it).
export const assignSpeakerAction = defineAction(
  z.object({ id: z.string(), index: z.number().int().min(0), speakerId: z.uuid().nullable(), version: z.number().int().min(0) }),
  async ({ id, index, speakerId, version }, caller) => assignSpeaker(id, caller, { index, speakerId, expectedVersion: version }),
);
