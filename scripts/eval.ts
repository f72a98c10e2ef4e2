// Transcription quality on a folder of recordings: every audio file with a reference `.txt` beside it
// (and optionally a `.lang` file with its language code; otherwise --language, default auto) is
// transcribed as a job would be (routes, detection, Uzbek in Latin script), then WER, CER and the
// real-time factor are printed per file and per language and engine/model.
// Usage: npm run eval -- --set DIR [--route "uz=local:/models/uz.bin,*=local:small"] [--language xx]
//        [--max-audio-seconds N]
// Without --route, TRANSCRIPTION_ROUTES and TRANSCRIPTION_ENGINE apply. When no file gets any text
// (whisper.cpp's test model writes none), the scores are skipped, saying so: the run then only proves
// the plumbing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { probeDurationMs } from "@/lib/transcription/audio/probe-duration";
import { closeTranscriptionEngines, getTranscriptionEngine } from "@/lib/transcription/get-transcription-engine";
import { type EvalSample, summarizeEval } from "@/lib/transcription/quality/summarize-eval";
import { parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";
import { planTranscription } from "@/lib/transcription/routing/plan-transcription";
import { writeUzbekScript } from "@/lib/transcription/script/write-uzbek-script";

const AUDIO = /\.(wav|mp3|flac|aiff?|m4a|ogg|opus|webm)$/i;

const { values } = parseArgs({
  options: {
    set: { type: "string" },
    route: { type: "string" },
    language: { type: "string", default: "auto" },
    "max-audio-seconds": { type: "string" },
  },
});

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  if (!values.set) throw new Error("Usage: npm run eval -- --set DIR [--route ROUTES] [--language xx] [--max-audio-seconds N]");
  const dir = path.resolve(values.set);
  const routes = values.route ? parseTranscriptionRoutes(values.route) : env.TRANSCRIPTION_ROUTES;
  const maxAudioMs = values["max-audio-seconds"] ? Number(values["max-audio-seconds"]) * 1000 : Number.POSITIVE_INFINITY;
  const samples: EvalSample[] = [];
  for (const name of readdirSync(dir).filter((file) => AUDIO.test(file)).sort()) {
    const file = path.join(dir, name);
    const base = file.replace(AUDIO, "");
    if (!existsSync(`${base}.txt`)) continue;
    const audioMs = (await probeDurationMs(file)) ?? 0;
    if (audioMs > maxAudioMs) {
      console.log(`${name}: skipped (${(audioMs / 1000).toFixed(1)} s is over --max-audio-seconds)`);
      continue;
    }
    const pinned = existsSync(`${base}.lang`) ? readFileSync(`${base}.lang`, "utf8").trim() : values.language;
    const plan = await planTranscription({ language: pinned, audioPath: file, routes, defaultEngine: env.TRANSCRIPTION_ENGINE, detector: () => getTranscriptionEngine("local"), log: console });
    const engine = await getTranscriptionEngine(plan.engine, plan.model);
    const started = performance.now();
    const result = await engine.transcribe(file, { language: plan.language });
    const elapsedMs = performance.now() - started;
    const language = result.language ?? (plan.language === "auto" ? "unknown" : plan.language);
    // Uzbek is scored in Latin script on both sides, as the app writes it by default.
    const inScript = (text: string) => (language === "uz" ? writeUzbekScript(text, "latin") : text);
    samples.push({ file: name, language, engine: result.engine, model: result.model, reference: inScript(readFileSync(`${base}.txt`, "utf8")), hypothesis: inScript(result.text), audioMs: result.durationMs ?? audioMs, elapsedMs });
    console.log(`${name}: ${language}, ${result.engine}/${result.model}, RTF ${(elapsedMs / Math.max(1, result.durationMs ?? audioMs)).toFixed(3)}`);
  }
  await closeTranscriptionEngines();
  if (samples.length === 0) throw new Error(`No audio file with a reference .txt beside it in ${dir}`);
  const scored = samples.some((sample) => sample.hypothesis.trim() !== "");
  if (!scored) console.log("\nScores skipped: no file got any text (whisper.cpp's test model writes none); the plumbing ran end to end.");
  console.log("\nlanguage  engine/model  files  WER  CER  RTF");
  for (const group of summarizeEval(samples)) {
    const scores = scored ? `${percent(group.wer)}  ${percent(group.cer)}` : "-  -";
    console.log(`${group.language}  ${group.engine}/${group.model}  ${group.files}  ${scores}  ${group.realTimeFactor.toFixed(3)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
