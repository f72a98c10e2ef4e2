// Skipping long quiet stretches before decoding: the local engine on a generated recording that is half
// silence (jfk.wav five times, each followed by 12 s of digital silence: 115 s, 55 s of speech), with
// and without skipping, alternating runs. Target: ≥ 1.6× faster with skipping and the same text.
// Usage: npm run bench:silence -- [--model file] [--threads n] [--runs n]
// WHISPER_TEST_MODEL, when set, is the default model (the test model transcribes nothing, so "same
// text" only means something with a real one).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { locateFfmpeg } from "@/lib/transcription/audio/locate-ffmpeg";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";

const repoRoot = process.cwd();
const { values } = parseArgs({
  options: {
    model: { type: "string", default: process.env.WHISPER_TEST_MODEL ?? path.resolve(repoRoot, "../shared/models/for-tests-ggml-tiny.bin") },
    threads: { type: "string", default: "2" },
    runs: { type: "string", default: "2" },
  },
});

async function halfSilentRecording(dir: string): Promise<string> {
  const output = path.join(dir, "half-silent.wav");
  const speech = path.resolve(repoRoot, "../shared/audio/jfk.wav");
  const inputs = Array.from({ length: 5 }, () => ["-i", speech, "-f", "lavfi", "-t", "12", "-i", "anullsrc=r=16000:cl=mono"]).flat();
  const filter = `${Array.from({ length: 10 }, (_, index) => `[${index}:a]`).join("")}concat=n=10:v=0:a=1[out]`;
  await promisify(execFile)(locateFfmpeg(), ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", ...inputs, "-filter_complex", filter, "-map", "[out]", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", output]);
  return output;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "yozuv-silence-bench-"));
  try {
    const audio = await halfSilentRecording(dir);
    const engines = {
      full: createLocalWhisperEngine({ modelPath: path.resolve(values.model), threads: Number(values.threads), skipSilence: false }),
      skipping: createLocalWhisperEngine({ modelPath: path.resolve(values.model), threads: Number(values.threads), skipSilence: true }),
    };
    const best = { full: Number.POSITIVE_INFINITY, skipping: Number.POSITIVE_INFINITY };
    const texts = { full: "", skipping: "" };
    console.log(`audio: 115 s, half silence; model ${path.basename(values.model)}, ${values.threads} threads, ${values.runs} runs each after a warm-up`);
    for (let run = 0; run <= Number(values.runs); run++) {
      for (const side of ["full", "skipping"] as const) {
        const started = performance.now();
        const result = await engines[side].transcribe(audio, { language: "en" });
        // Run 0 loads the model and starts the worker: not counted.
        if (run > 0) best[side] = Math.min(best[side], performance.now() - started);
        texts[side] = result.text;
      }
    }
    await Promise.all(Object.values(engines).map((engine) => engine.close?.()));
    const speedup = best.full / best.skipping;
    console.log(`without skipping  best ${best.full.toFixed(0)} ms (RTF ${(best.full / 115_000).toFixed(3)})`);
    console.log(`with skipping     best ${best.skipping.toFixed(0)} ms (RTF ${(best.skipping / 115_000).toFixed(3)})`);
    console.log(`speed-up ${speedup.toFixed(2)}× (target ≥ 1.6×: ${speedup >= 1.6 ? "met" : "NOT met"}); same text: ${texts.full === texts.skipping ? "yes" : "NO"}${process.env.WHISPER_TEST_MODEL ? "" : " (test model: both empty)"}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
