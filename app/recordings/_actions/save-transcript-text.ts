"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { replaceTranscriptText } from "@/lib/transcripts/replace-transcript-text";

// Ownership and version are checked inside replaceTranscriptText.
export const saveTranscriptText = defineAction(
  z.object({ id: z.string(), text: z.string().max(2_000_000), version: z.number().int().min(0) }),
  async ({ id, text, version }, caller) => replaceTranscriptText(id, caller, { text, expectedVersion: version }),
);
