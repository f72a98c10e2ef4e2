import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { wordErrorRate } from "@/lib/transcription/quality/word-error-rate";
import { sharedAudio } from "@/tests/unit/transcription/test-audio";

// The shared test models are dummies that transcribe nothing, so accuracy needs real weights:
// WHISPER_TEST_MODEL=/path/to/ggml-base.bin npx vitest run --project unit tests/unit/transcription
const modelPath = process.env.WHISPER_TEST_MODEL;
const skipReason = !modelPath
  ? "WHISPER_TEST_MODEL is not set (no real Whisper model on this machine; ../shared/models has only dummies)"
  : !existsSync(modelPath)
    ? `WHISPER_TEST_MODEL points at ${modelPath}, which does not exist`
    : null;
if (skipReason) console.warn(`Skipping the local Whisper accuracy tests: ${skipReason}`);

/**
 * Thresholds, for any multilingual model from tiny up:
 * - jfk.wav is whisper.cpp's own reference clip, which even tiny transcribes word for word; 0.1 allows
 *   two of its 22 words to differ (a model writing "Americans," as "Americans." costs nothing here).
 * - espeak_en.wav is robotic synthetic speech, which Whisper hears less well; 0.35 still catches a broken
 *   pipeline (wrong sample rate, wrong channel, truncated windows), which scores near 1.
 */
describe.skipIf(skipReason !== null)("local whisper accuracy", () => {
  const engine = createLocalWhisperEngine({ modelPath: modelPath ?? "", threads: 2 });
  afterAll(() => engine.close?.());

  it.each([
    ["jfk.wav", "jfk.txt", 0.1],
    ["espeak_en.wav", "espeak_en.txt", 0.35],
  ])("transcribes %s with a word error rate under the threshold", async (audio, transcript, threshold) => {
    const result = await engine.transcribe(sharedAudio(audio), { language: "en" });
    const wer = wordErrorRate(readFileSync(sharedAudio(transcript), "utf8"), result.text);
    console.info(`${audio}: WER ${(wer * 100).toFixed(1)} % — ${result.text}`);
    expect(wer).toBeLessThanOrEqual(threshold);
    expect(result.segments.length).toBeGreaterThan(0);
    for (const segment of result.segments) expect(segment.endMs).toBeGreaterThan(segment.startMs);
    expect(result.segments.at(-1)?.endMs).toBeLessThanOrEqual((result.durationMs ?? 0) + 100);
  }, 120_000);

  it("detects English when asked to", async () => {
    const result = await engine.transcribe(sharedAudio("jfk.wav"), { language: "auto" });
    expect(result.language).toBe("en");
  }, 120_000);
});
