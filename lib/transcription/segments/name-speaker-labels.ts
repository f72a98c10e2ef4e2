import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { speakerColorAt } from "@/lib/transcripts/speakers/speaker-colors";
import type { EngineSpeaker } from "../transcription-engine";

/**
 * Turns an engine's speaker labels ("A", "B", …, held in `speakerId`) into speakers with fresh ids,
 * named "Speaker 1", "Speaker 2", … in the order they first speak.
 */
export function nameSpeakerLabels(segments: TranscriptSegment[]): { segments: TranscriptSegment[]; speakers: EngineSpeaker[] } {
  const byLabel = new Map<string, EngineSpeaker>();
  const named = segments.map((segment) => {
    if (!segment.speakerId) return segment;
    let speaker = byLabel.get(segment.speakerId);
    if (!speaker) {
      speaker = { id: crypto.randomUUID(), name: `Speaker ${byLabel.size + 1}`, color: speakerColorAt(byLabel.size) };
      byLabel.set(segment.speakerId, speaker);
    }
    return { ...segment, speakerId: speaker.id };
  });
  return { segments: named, speakers: [...byLabel.values()] };
}
