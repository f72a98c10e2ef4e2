import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { writeAllSegments } from "@/lib/transcripts/transcript-writer";
import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";

/** A recording of `ownerId` whose machine transcript is `segments` (three short ones by default), at version 1. */
export async function insertTranscribedRecording(ownerId: string, segments: TranscriptSegment[] = defaultSegments): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(recordings).values({ id, userId: ownerId, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: "a", fileSize: 1, durationSeconds: 9, mimeType: "audio/mpeg", transcriptionStatus: "completed" });
  await db.transaction((tx) => writeAllSegments(tx, id, segments, { kind: "transcription", authorId: null }));
  return id;
}

const defaultSegments: TranscriptSegment[] = [
  { startMs: 0, endMs: 3000, text: "Assalomu alaykum" },
  { startMs: 3000, endMs: 6000, text: "bugun dars" },
  { startMs: 6000, endMs: 9000, text: "boshlanadi" },
];

/** Calls a route handler the way Next.js does, as `authorization` (or anonymously). */
export function callRoute<Params>(
  handler: (request: Request, context: { params: Promise<Params> }) => Promise<Response>,
  params: Params,
  init: { method?: string; authorization?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = init.authorization ? { authorization: init.authorization } : {};
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return handler(new Request("http://x", { method: init.method ?? "GET", headers, body }), { params: Promise.resolve(params) });
}
