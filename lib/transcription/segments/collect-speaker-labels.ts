import type { TranscriptSegment } from "@/lib/transcripts/transcript-segment";
import { speakerColorAt } from "@/lib/transcripts/speakers/speaker-colors";
import type { EngineSpeaker } from "../transcription-engine";

/**
 * Turns an engine's speaker labels ("A", "B", …, held in `speakerId`) into speakers with fresh ids, in
 * the order they first speak. They are named only when saved, in the owner's language.
 */
export function collectSpeakerLabels(segments: TranscriptSegment[]): { segments: TranscriptSegment[]; speakers: EngineSpeaker[] } {
  const byLabel = new Map<string, EngineSpeaker>();
  const labelled = segments.map((segment) => {
    if (!segment.speakerId) return segment;
    let speaker = byLabel.get(segment.speakerId);
    if (!speaker) {
      speaker = { id: crypto.randomUUID(), color: speakerColorAt(byLabel.size) };
      byLabel.set(segment.speakerId, speaker);
    }
    return { ...segment, speakerId: speaker.id };
  });
  return { segments: labelled, speakers: [...byLabel.values()] };
}
