import "server-only";
import type { Database, Transaction } from "@/db/client";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import { readSegments } from "../read-segments";
import type { IndexedSegment } from "../transcript-segment";
import { listSpeakers } from "./list-speakers";

export type NamedSegment = IndexedSegment & { speakerName: string | null };

/** The segments with their speaker's current name, for every view that prints `Name: text`. */
export async function readNamedSegments(source: Database | Transaction, recording: VisibleRecording): Promise<NamedSegment[]> {
  const [segments, speakers] = await Promise.all([readSegments(source, recording), listSpeakers(source, recording)]);
  const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  return segments.map((segment) => ({ ...segment, speakerName: (segment.speakerId && names.get(segment.speakerId)) || null }));
}
