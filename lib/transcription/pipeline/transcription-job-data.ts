import { z } from "zod";
import { ENGINE_NAMES } from "../engine-names";

/** What a transcription job carries. Checked when a worker picks a job up: the queue is a trust boundary too. */
export const transcriptionJobData = z.object({
  recordingId: z.uuid(),
  engine: z.enum(ENGINE_NAMES).optional(),
});

export type TranscriptionJobData = z.infer<typeof transcriptionJobData>;
