import "server-only";
import { openWavPcmSource } from "@/lib/transcription/audio/open-wav-pcm-source";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { type Silence, parseSilenceLog } from "@/lib/transcription/audio/parse-silence-log";
import { FfmpegFailedError, runFfmpeg } from "@/lib/transcription/audio/run-ffmpeg";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";

/**
 * One pass over the upload: writes 16 kHz mono 16-bit WAV (exact to seek in, ~115 MB per hour on disk
 * instead of ~230 MB of Float32 in memory) and finds its pauses with ffmpeg's `silencedetect`.
 * -30 dB / 0.3 s: the gaps between sentences in ordinary recordings, not the ones inside words.
 */
export async function preparePcmWav(
  inputPath: string,
  wavPath: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ durationMs: number; silences: Silence[] }> {
  let log: string;
  try {
    ({ stderr: log } = await runFfmpeg({
      input: inputPath,
      logLevel: "info",
      outputArgs: ["-y", "-vn", "-ac", "1", "-ar", "16000", "-af", "silencedetect=noise=-30dB:d=0.3", "-c:a", "pcm_s16le", "-f", "wav", wavPath],
      signal: options.signal,
    }));
  } catch (error) {
    if (error instanceof FfmpegFailedError) {
      throw new TranscriptionError("corrupt_audio", `Could not decode the audio: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const pcm = await openWavPcmSource(wavPath);
  await pcm.close();
  const durationMs = Math.round((pcm.length / SAMPLE_RATE) * 1000);
  if (durationMs === 0) throw new TranscriptionError("corrupt_audio", "The audio contains no samples");
  return { durationMs, silences: parseSilenceLog(log, durationMs) };
}
