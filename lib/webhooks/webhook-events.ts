import { z } from "zod";

/** What an endpoint can subscribe to: a recording's transcription finished, or failed for good. */
export const WEBHOOK_EVENTS = ["recording.transcribed", "recording.failed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const webhookEvent = z.enum(WEBHOOK_EVENTS);
