// Local transcription overhead: the engine (decode + worker thread + windows) against the binding called
// directly in-process, same model, threads and audio. Each side lives in its own child process, so peak
// RSS is its own, and the parent alternates runs between them, so a busy neighbour slows both alike.
// "engine" is the engine as configured (word timings on); "segments" is the same with word timings off,
// which measures what word timings cost.
// Usage:
//   npm run bench:transcribe -- [--audio file] [--model file] [--threads n] [--runs n]
// WHISPER_TEST_MODEL, when set, is the default model and turns on word error rates.
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeAudio } from "@/lib/transcription/audio/decode-audio";
import { SAMPLE_RATE } from "@/lib/transcription/audio/sample-rate";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { wordErrorRate } from "@/lib/transcription/quality/word-error-rate";

const SIDES = ["direct", "segments", "engine"] as const;
type Side = (typeof SIDES)[number];
type Run = { ms: number; text: string };
type Transcriber = { once: () => Promise<Run>; close: () => Promise<void> };

const repoRoot = process.cwd();
const { values } = parseArgs({
  options: {
    audio: { type: "string", default: path.resolve(repoRoot, "../shared/audio/jfk.wav") },
    model: { type: "string", default: process.env.WHISPER_TEST_MODEL ?? path.resolve(repoRoot, "../shared/models/for-tests-ggml-tiny.bin") },
    threads: { type: "string", default: "2" },
    runs: { type: "string", default: "5" },
    side: { type: "string" },
  },
});
const audio = path.resolve(values.audio);
const model = path.resolve(values.model);
const threads = Number(values.threads);
const runs = Number(values.runs);

/** The binding as its README shows it, with the engine's decoding choices, in this process. */
async function directTranscriber(): Promise<Transcriber> {
  const { Whisper, WhisperFullParams, WhisperSamplingStrategy, decodeAudioAsync } = await import("@napi-rs/whisper");
  let whisper: InstanceType<typeof Whisper> | null = null;
  const once = async () => {
    const started = performance.now();
    const samples = await decodeAudioAsync(await readFile(audio), path.basename(audio));
    whisper ??= new Whisper(model);
    const params = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
    params.nThreads = threads;
    params.language = "auto";
    params.noContext = true;
    params.suppressNonSpeechTokens = true;
    const text = whisper.full(params, samples);
    return { ms: performance.now() - started, text: text.trim() };
  };
  return { once, close: async () => {} };
}

async function engineTranscriber(wordTimings: boolean): Promise<Transcriber> {
  const engine = createLocalWhisperEngine({ modelPath: model, threads, wordTimings });
  const once = async () => {
    const started = performance.now();
    const result = await engine.transcribe(audio, { language: "auto" });
    return { ms: performance.now() - started, text: result.text };
  };
  return { once, close: async () => engine.close?.() };
}

/** Child side: run once per "run" message; report peak RSS on "done". */
async function serveSide(side: Side): Promise<void> {
  const transcriber = side === "direct" ? await directTranscriber() : await engineTranscriber(side === "engine");
  process.on("message", (message: string) => {
    if (message === "run") {
      void transcriber.once().then((run) => process.send?.(run));
    } else {
      void transcriber.close().then(() => {
        process.send?.({ peakRssMiB: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
      });
    }
  });
  process.send?.("ready");
}

function startSide(side: Side): Promise<ChildProcess> {
  const child = fork(process.argv[1] ?? "", [...process.argv.slice(2), "--side", side], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("error", reject);
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (reply) => resolve(reply as T));
    child.send(message);
  });
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const side = SIDES.find((name) => name === values.side);
  if (side) return serveSide(side);
  const audioSeconds = (await decodeAudio(audio)).length / SAMPLE_RATE;
  console.log(`audio ${path.basename(audio)} (${audioSeconds.toFixed(2)} s), model ${path.basename(model)}, ${threads} threads, ${runs} warm runs`);
  const children = { direct: await startSide("direct"), segments: await startSide("segments"), engine: await startSide("engine") };
  const results = Object.fromEntries(SIDES.map((name) => [name, { runs: [] as Run[], peakRssMiB: 0 }])) as Record<Side, { runs: Run[]; peakRssMiB: number }>;
  // Run 0 is cold (model load, first worker); the rest take turns.
  for (let run = 0; run <= runs; run++) {
    for (const name of SIDES) results[name].runs.push(await ask<Run>(children[name], "run"));
  }
  for (const name of SIDES) results[name].peakRssMiB = (await ask<{ peakRssMiB: number }>(children[name], "done")).peakRssMiB;

  const referencePath = audio.replace(/\.[^.]+$/, ".txt");
  const reference = process.env.WHISPER_TEST_MODEL && existsSync(referencePath) ? readFileSync(referencePath, "utf8") : null;
  // Best of the warm runs is the figure to compare: on a shared machine the others also measure the neighbours.
  const best = (side: Side) => Math.min(...results[side].runs.slice(1).map((run) => run.ms));
  for (const side of SIDES) {
    const { runs: measured, peakRssMiB } = results[side];
    const warm = measured.slice(1).map((run) => run.ms);
    const wer = reference === null ? "" : `  WER ${(wordErrorRate(reference, measured[0]?.text ?? "") * 100).toFixed(1)} %`;
    console.log(
      `${side.padEnd(8)}  RTF ${(best(side) / 1000 / audioSeconds).toFixed(3)} (best ${best(side).toFixed(0)} ms, median ${median(warm).toFixed(0)} ms;` +
        ` cold ${(measured[0]?.ms ?? 0).toFixed(0)} ms)  peak RSS ${peakRssMiB.toFixed(0)} MiB${wer}`,
    );
  }
  const ratio = best("segments") / best("direct");
  console.log(`segments / direct: ${ratio.toFixed(3)} (${((ratio - 1) * 100).toFixed(1)} % overhead; target ≤ 10 %: ${ratio <= 1.1 ? "met" : "NOT met"})`);
  const words = best("engine") / best("segments");
  console.log(`engine (word timings) / segments: ${words.toFixed(3)} (${((words - 1) * 100).toFixed(1)} % for word timings; target ≤ 10 %: ${words <= 1.1 ? "met" : "NOT met"})`);
  if (!process.env.WHISPER_TEST_MODEL) console.log("WER: skipped (set WHISPER_TEST_MODEL to a real ggml model; the test model transcribes nothing)");
}

void main();
