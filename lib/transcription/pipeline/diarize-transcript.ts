import "server-only";
import type { TranscriptionResult } from "../transcription-engine";

/** Labels a transcript's segments with speakers, given the audio they came from. */
export type Diarizer = (result: TranscriptionResult, audioPath: string) => Promise<TranscriptionResult>;

/**
 * The diarization stage between transcribing and saving: where a separate speaker-separation step
 * will label the segments of engines that cannot (the local one). Today every engine either diarizes
 * itself (OpenAI's diarize model) or leaves speakers out, so the result passes through unchanged.
 */
export const diarizeTranscript: Diarizer = async (result) => result;
