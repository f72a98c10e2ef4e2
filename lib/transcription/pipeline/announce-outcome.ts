import type { Transaction } from "@/db/client";
import type { Recording } from "@/db/schema";

/**
 * The one thing the pipeline tells the rest of the app: a recording's transcription settled (done, or
 * failed for good). Called inside the transaction that records it, so whatever it queues (webhooks)
 * commits with the outcome or not at all.
 */
export type AnnounceOutcome = (tx: Transaction, event: "recording.transcribed" | "recording.failed", recording: Recording) => Promise<void>;
