// The whisper.cpp worker thread, started by local-whisper-engine.ts. Plain ESM JavaScript on purpose:
// it is loaded by Node itself from a path on disk, never by Next's bundler or tsx, so it must not use
// TypeScript, `@/` aliases or `server-only`. It loads the model once and then transcribes windows of
// 16 kHz mono samples, one at a time, for as long as the engine keeps it.
import { parentPort, workerData } from "node:worker_threads";
import whisperBinding from "@napi-rs/whisper";

const { Whisper, WhisperFullParams, WhisperSamplingStrategy } = whisperBinding;

/** @type {import("@napi-rs/whisper").Whisper} */
let whisper;
try {
  whisper = new Whisper(workerData.modelPath);
  parentPort.postMessage({ type: "ready", multilingual: whisper.isMultilingual === 1 });
} catch (error) {
  parentPort.postMessage({ type: "load-failed", message: error instanceof Error ? error.message : String(error) });
}

parentPort.on("message", (message) => {
  if (!whisper) return;
  const work = message.type === "transcribe" ? transcribeWindow(message) : message.type === "detect" ? detectLanguage(message) : null;
  work?.then(
    (result) => parentPort.postMessage({ type: "result", id: message.id, ...result }),
    (error) => parentPort.postMessage({ type: "failed", id: message.id, message: error instanceof Error ? error.message : String(error) }),
  );
});

// whisper.cpp's own language detection: one encoder pass over the first 30 s, no decoding. The binding
// gives the winning language only, not the probabilities whisper.cpp computes.
async function detectLanguage({ samples, threads }) {
  if (whisper.isMultilingual !== 1) return { language: "en" };
  const params = quietParams(threads);
  params.language = "auto";
  params.detectLanguage = true;
  whisper.full(params, samples);
  return { language: Whisper.lang(whisper.fullLangId) };
}

function quietParams(threads) {
  const params = new WhisperFullParams(WhisperSamplingStrategy.Greedy);
  params.nThreads = threads;
  params.printProgress = false;
  params.printRealtime = false;
  params.printTimestamps = false;
  return params;
}

async function transcribeWindow({ samples, language, threads, prompt, words }) {
  const params = quietParams(threads);
  // English-only models have no language tokens; detection there is wasted work.
  params.language = whisper.isMultilingual === 1 ? language : "en";
  // Not conditioning each 30 s window on the text before it is whisper's main guard against repetition loops.
  params.noContext = true;
  // As OpenAI's reference decoder does by default: no "♪", "(music)" and the like.
  params.suppressNonSpeechTokens = true;
  if (words) {
    // One segment per word (the CLI's -ml 1 -sow), timed from token timestamps; the engine regroups them.
    params.tokenTimestamps = true;
    params.maxLen = 1;
    params.splitOnWord = true;
  }
  // The user's names and terms, so whisper spells them as they do.
  if (prompt) params.initialPrompt = prompt;
  const segments = [];
  // Times arrive in whisper.cpp's 10 ms units.
  params.onNewSegment = (segment) => segments.push({ startMs: segment.start * 10, endMs: segment.end * 10, text: segment.text });
  const text = whisper.full(params, samples);
  await waitForSegments(segments, text);
  const detected = segments.length > 0 ? Whisper.lang(whisper.fullLangId) : null;
  return { segments, language: detected ?? null };
}

// The binding delivers segments through a non-blocking threadsafe function, so they are queued while
// full() runs and only arrive in later turns of this thread's event loop. full() returns the
// concatenated text, which tells us when all of them are in.
async function waitForSegments(segments, text) {
  const expected = text.replace(/\s+/g, "");
  for (let turn = 0; turn < 100; turn++) {
    if (segments.map((segment) => segment.text).join("").replace(/\s+/g, "") === expected) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
