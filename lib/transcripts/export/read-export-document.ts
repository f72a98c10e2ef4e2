import "server-only";
import { db } from "@/db/client";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import { readNamedSegments } from "@/lib/transcripts/speakers/read-named-segments";
import type { ExportDocument, ExportLabels, ExportSegment } from "./export-document";

/**
 * A recording's transcript as it is now (every saved edit and speaker name included), ready for any
 * writer. A recording kept as plain text only (no timed segments) exports as one segment spanning the audio.
 */
export async function readExportDocument(recording: VisibleRecording, options: { timestamps: boolean; labels: ExportLabels }): Promise<ExportDocument> {
  const stored = await readNamedSegments(db, recording);
  const segments: ExportSegment[] =
    stored.length > 0 || !recording.transcriptText?.trim()
      ? stored
      : [{ index: 0, startMs: 0, endMs: Math.round(recording.durationSeconds * 1000), text: recording.transcriptText }];
  return { recording, segments, timestamps: options.timestamps, labels: options.labels };
}
