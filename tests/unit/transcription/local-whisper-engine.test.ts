import { readdirSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalWhisperEngine, defaultWorkerScriptPath, type LocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { TranscriptionError, type TranscriptionEngine } from "@/lib/transcription/transcription-engine";
import { loopAudio, makeTempDir, repoRoot, sharedAudio, sharedModel, testModelPath } from "@/tests/unit/transcription/test-audio";

// The test model is whisper.cpp's dummy: it loads and runs the full encoder on zero weights, and says nothing.
let workDir: string;
let twentyTwoSeconds: string;
const engines: TranscriptionEngine[] = [];

function engine(options: Partial<Parameters<typeof createLocalWhisperEngine>[0]> = {}): LocalWhisperEngine {
  const created = createLocalWhisperEngine({ modelPath: testModelPath, threads: 1, ...options });
  engines.push(created);
  return created;
}

beforeAll(async () => {
  workDir = await makeTempDir("local-whisper");
  twentyTwoSeconds = await loopAudio(sharedAudio("jfk.wav"), 2, path.join(workDir, "jfk-22s.wav"));
}, 30_000);

afterAll(async () => {
  await Promise.all(engines.map((created) => created.close?.()));
  await rm(workDir, { recursive: true, force: true });
}, 30_000);

describe("local whisper engine", () => {
  it("finds its worker script under the project root", () => {
    expect(defaultWorkerScriptPath(repoRoot)).toBe(path.join(repoRoot, "lib/transcription/engines/whisper-worker.mjs"));
  });

  it("loads the model and transcribes, one job at a time, in the result shape", async () => {
    const local = engine();
    const [first, second] = await Promise.all([
      local.transcribe(sharedAudio("jfk.wav"), { language: "auto" }),
      local.transcribe(sharedAudio("english.wav"), { language: "en" }),
    ]);
    expect(first).toEqual({ text: "", segments: [], language: null, engine: "local", model: "for-tests-ggml-tiny.bin", durationMs: 11_000 });
    expect(second).toMatchObject({ engine: "local", language: "en" });
    expect(second.durationMs).toBeCloseTo(2743, -1);
  }, 30_000);

  it("detects the language with whisper.cpp on the first 30 s, in a Whisper language code and with no probability", async () => {
    const local = engine({ threads: 2 });
    // The test model has zero weights, so which language wins says nothing; that one does and is a code does.
    const detection = await local.detectLanguage!(sharedAudio("jfk.wav"), {});
    expect(detection).toEqual({ language: expect.stringMatching(/^[a-z]{2,3}$/), probability: null });
    const englishOnly = engine({ modelPath: sharedModel("for-tests-ggml-tiny.en.bin") });
    expect(await englishOnly.detectLanguage!(sharedAudio("english.wav"), {})).toEqual({ language: "en", probability: null });
  }, 60_000);

  it("keeps the event loop responsive while whisper works, and reports progress per window up to 100", async () => {
    // Also the long-recording path: samples read from a temporary WAV a window at a time.
    const local = engine({ threads: 2, windowSeconds: 12, inMemoryMaxSeconds: 0 });
    const progress: number[] = [];
    let maxLagMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 10);
      last = now;
    }, 10);
    const started = performance.now();
    try {
      await local.transcribe(twentyTwoSeconds, { onProgress: (percent) => progress.push(percent) });
    } finally {
      clearInterval(timer);
    }
    // Two windows, each a full encoder pass that blocks its thread for a second or more. Run on this
    // thread, a pass would stall the loop for about half the time taken; the bound scales with that
    // time, so a machine busy with other tests (which slows whisper and the timer alike) still passes.
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeGreaterThan(1000);
    expect(maxLagMs).toBeLessThan(elapsedMs / 4);
    expect(progress).toHaveLength(3);
    expect(progress[0]).toBe(0);
    // The cut lands in jfk's closing pause, about halfway.
    expect(progress[1]).toBeGreaterThan(40);
    expect(progress[1]).toBeLessThan(60);
    expect(progress[2]).toBe(100);
  }, 60_000);

  it("releases the model after the idle time and loads it again for the next job", async () => {
    const local = engine({ idleUnloadMs: 300 });
    const threads = () => readdirSync("/proc/self/task").length;
    await local.transcribe(sharedAudio("english.wav"), {});
    expect(local.modelLoaded).toBe(true);
    const whileLoaded = threads();
    // Jobs coming back to back keep the model: the idle time counts from the end of the last one.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await local.transcribe(sharedAudio("english.wav"), {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(local.modelLoaded).toBe(true);

    await expect.poll(() => local.modelLoaded, { timeout: 5000 }).toBe(false);
    // The worker thread itself is gone, not just forgotten.
    await expect.poll(threads, { timeout: 5000 }).toBeLessThan(whileLoaded);
    const again = await local.transcribe(sharedAudio("english.wav"), {});
    expect(again.durationMs).toBeCloseTo(2743, -1);
    expect(local.modelLoaded).toBe(true);
    await expect.poll(() => local.modelLoaded, { timeout: 5000 }).toBe(false);
  }, 60_000);

  it("rejects at once when cancelled mid-window, and works again afterwards", async () => {
    const local = engine();
    const controller = new AbortController();
    let abortedAt = 0;
    const job = local.transcribe(sharedAudio("jfk.wav"), {
      signal: controller.signal,
      onProgress: () =>
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 300),
    });
    const error = await job.catch((caught: unknown) => caught);
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ reason: "cancelled", retryable: false });
    // The cancelled thread is terminated once its window is done, and a fresh one loads the model.
    const next = await local.transcribe(sharedAudio("english.wav"), {});
    expect(next.durationMs).toBeCloseTo(2743, -1);
  }, 60_000);

  it("does not start a job that is already cancelled", async () => {
    const error = await engine()
      .transcribe(sharedAudio("jfk.wav"), { signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "cancelled" });
  });

  it("says how to get a model when the file is missing", async () => {
    const error = await engine({ modelPath: path.join(workDir, "ggml-nothing.bin") })
      .transcribe(sharedAudio("jfk.wav"), {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_missing", retryable: false });
    expect((error as Error).message).toMatch(/WHISPER_MODEL_PATH/);
    expect((error as Error).message).toMatch(/npm run model:download -- \w+/);
    expect((error as Error).message).toMatch(/OPENAI_API_KEY/);
  });

  it("refuses a file that is not a model", async () => {
    const notAModel = path.join(workDir, "not-a-model.bin");
    await writeFile(notAModel, "definitely not ggml");
    const error = await engine({ modelPath: notAModel })
      .transcribe(sharedAudio("jfk.wav"), {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "model_invalid", retryable: false });
  });

  it("refuses a language an English-only model cannot do", async () => {
    const error = await engine({ modelPath: sharedModel("for-tests-ggml-tiny.en.bin") })
      .transcribe(sharedAudio("english.wav"), { language: "ru" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "language_unsupported", retryable: false });
  });

  it("refuses corrupt audio without starting work", async () => {
    const error = await engine()
      .transcribe(sharedAudio("jfk.txt"), {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "corrupt_audio", retryable: false });
  });

  it("reports a crashed worker as retryable", async () => {
    const crashing = path.join(workDir, "crashing-worker.mjs");
    await writeFile(
      crashing,
      'import { parentPort } from "node:worker_threads";\n' +
        'parentPort.postMessage({ type: "ready", multilingual: true });\n' +
        "parentPort.on(\"message\", () => process.exit(3));\n",
    );
    const error = await engine({ workerScriptPath: crashing })
      .transcribe(sharedAudio("english.wav"), {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "engine_crashed", retryable: true });
  });

  it("says so when the worker script is not where it should be", async () => {
    const error = await engine({ workerScriptPath: path.join(workDir, "missing.mjs") })
      .transcribe(sharedAudio("english.wav"), {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: "engine_unavailable", retryable: false });
  });
});
