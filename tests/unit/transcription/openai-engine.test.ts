import { rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { preparePcmWav } from "@/lib/transcription/audio/prepare-pcm-wav";
import type { Silence } from "@/lib/transcription/audio/parse-silence-log";
import { createOpenAIEngine, type OpenAIEngineOptions } from "@/lib/transcription/engines/openai-engine";
import { TranscriptionError } from "@/lib/transcription/transcription-engine";
import { type FakeOpenAIServer, openAIError, type ReceivedUpload, startFakeOpenAIServer } from "@/tests/support/fake-openai-server";
import { loopAudio, makeTempDir, sharedAudio } from "@/tests/unit/transcription/test-audio";

let server: FakeOpenAIServer;
let workDir: string;

beforeAll(async () => {
  server = await startFakeOpenAIServer();
  workDir = await makeTempDir("openai");
});

afterAll(async () => {
  await server.close();
  await rm(workDir, { recursive: true, force: true });
});

beforeEach(() => server.reset());

function engine(options: Partial<OpenAIEngineOptions> = {}) {
  return createOpenAIEngine({ apiKey: "test-key", baseURL: server.baseURL, maxRetries: 2, ...options });
}

describe("OpenAI engine request", () => {
  it("sends whisper-1 the file as it is, asking for verbose_json with segment and word times", async () => {
    const result = await engine().transcribe(sharedAudio("jfk.mp3"), { language: "uz" });
    expect(server.requests).toEqual([
      {
        model: "whisper-1",
        responseFormat: "verbose_json",
        language: "uz",
        timestampGranularities: ["segment", "word"],
        fileName: "jfk.mp3",
        fileSize: (await stat(sharedAudio("jfk.mp3"))).size,
        authorization: "Bearer test-key",
      },
    ]);
    expect(result).toMatchObject({ engine: "openai", model: "whisper-1", language: "uz", text: "r0 s0 r0 s1 r0 s2 r0 s3 r0 s4 r0 s5" });
    expect(result.durationMs).toBeCloseTo(11_088, -2);
    expect(result.segments[1]).toEqual({
      startMs: 2000,
      endMs: 4000,
      text: "r0 s1",
      // e^avg_logprob (-0.2): whisper-1 scores segments, not words.
      confidence: 0.819,
      words: [
        { text: "r0", startMs: 2000, endMs: 3000 },
        { text: "s1", startMs: 3000, endMs: 4000 },
      ],
    });
  });

  it("leaves the language out for detection and reports what the provider detected", async () => {
    const result = await engine().transcribe(sharedAudio("jfk.wav"), { language: "auto" });
    expect(server.requests[0]?.language).toBeUndefined();
    expect(server.requests[0]?.prompt).toBeUndefined();
    expect(result.language).toBe("en");
  });

  it("asks gpt-4o-transcribe for json only and spans its text over the whole audio", async () => {
    const result = await engine({ model: "gpt-4o-transcribe" }).transcribe(sharedAudio("jfk.wav"), {});
    expect(server.requests[0]).toMatchObject({ model: "gpt-4o-transcribe", responseFormat: "json", timestampGranularities: [] });
    expect(result.segments).toEqual([{ startMs: 0, endMs: 11_000, text: "r0 s0 r0 s1 r0 s2 r0 s3 r0 s4 r0 s5" }]);
  });

  it("asks gpt-4o-transcribe-diarize for diarized_json and turns its labels into speakers in the order they first speak", async () => {
    const result = await engine({ model: "gpt-4o-transcribe-diarize" }).transcribe(sharedAudio("jfk.wav"), {});
    expect(server.requests[0]).toMatchObject({ model: "gpt-4o-transcribe-diarize", responseFormat: "diarized_json", chunkingStrategy: "auto", timestampGranularities: [] });
    expect(result.speakers).toHaveLength(2);
    const [first, second] = result.speakers!;
    expect(result.segments.map((segment) => segment.speakerId)).toEqual([first!.id, second!.id, first!.id, second!.id, first!.id, second!.id]);
    expect(result.segments[1]).toMatchObject({ startMs: 2000, endMs: 4000, text: "r0 s1" });
  });

  it("leaves speakers out for models that do not diarize", async () => {
    const result = await engine().transcribe(sharedAudio("jfk.wav"), {});
    expect(result.speakers).toBeUndefined();
    expect(result.segments.every((segment) => segment.speakerId === undefined)).toBe(true);
  });

  it("re-encodes a format the endpoint does not take into compact Ogg Opus", async () => {
    await engine().transcribe(sharedAudio("french.aiff"), {});
    expect(server.requests[0]?.fileName).toBe("compact.ogg");
    expect(server.requests[0]?.fileSize).toBeLessThan((await stat(sharedAudio("french.aiff"))).size / 10);
  });
});

describe("OpenAI engine with a recording over the upload limit", () => {
  // 36.5 s of synthetic speech three times over: 110 s, 3.5 MB of WAV, ~330 kB as compact Opus.
  let longWav: string;
  let reference: { durationMs: number; runs: Silence[] };

  beforeAll(async () => {
    longWav = await loopAudio(sharedAudio("espeak_en_long.wav"), 3, path.join(workDir, "long.wav"));
    const { durationMs, silences } = await preparePcmWav(longWav, path.join(workDir, "long-reference.wav"));
    reference = { durationMs, runs: speechRuns(silences, durationMs) };
  }, 30_000);

  /** The stretches between pauses: what a transcriber would put in segments. */
  function speechRuns(silences: Silence[], durationMs: number): Silence[] {
    const runs: Silence[] = [];
    let from = 0;
    for (const silence of [...silences, { startMs: durationMs, endMs: durationMs }]) {
      if (silence.startMs - from >= 200) runs.push({ startMs: from, endMs: silence.startMs });
      from = silence.endMs;
    }
    return runs;
  }

  // Answers like Whisper would: one segment per stretch of speech in the uploaded chunk, in the chunk's time.
  async function transcribeBySpeechRuns({ request, index, bytes }: ReceivedUpload) {
    const chunk = path.join(workDir, `upload-${index}-${request.fileName}`);
    await writeFile(chunk, bytes);
    const { durationMs, silences } = await preparePcmWav(chunk, `${chunk}.wav`);
    const segments = speechRuns(silences, durationMs).map((run, k) => ({ start: run.startMs / 1000, end: run.endMs / 1000, text: ` r${index} s${k}` }));
    return { language: "english", duration: durationMs / 1000, text: segments.map((s) => s.text).join(""), segments };
  }

  it("cuts it into overlapping chunks at pauses and merges them on one correct time line", async () => {
    server.respondWith(transcribeBySpeechRuns);
    const maxUploadBytes = 120_000;
    const progress: number[] = [];
    const result = await engine({ maxUploadBytes }).transcribe(longWav, { onProgress: (percent) => progress.push(percent) });

    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    for (const request of server.requests) {
      expect(request.fileSize).toBeLessThanOrEqual(maxUploadBytes);
      expect(request.fileName).toMatch(/^chunk-\d{3}\.ogg$/);
      expect(request.prompt).toBeUndefined();
    }
    expect(progress).toEqual([0, ...server.requests.map((_, index) => Math.round(((index + 1) / server.requests.length) * 100))]);
    expect(result.durationMs).toBe(reference.durationMs);

    // Every stretch of speech appears exactly once, at its true place in the recording.
    expect(result.segments).toHaveLength(reference.runs.length);
    result.segments.forEach((segment, index) => {
      const run = reference.runs[index];
      expect(Math.abs(segment.startMs - (run?.startMs ?? 0))).toBeLessThan(150);
      expect(Math.abs(segment.endMs - (run?.endMs ?? 0))).toBeLessThan(150);
    });
    // Monotonic, and each chunk's answer is used in order.
    for (let index = 1; index < result.segments.length; index++) {
      expect(result.segments[index]?.startMs).toBeGreaterThanOrEqual(result.segments[index - 1]?.endMs ?? 0);
    }
    const chunkOrder = result.segments.map((segment) => Number(/r(\d+)/.exec(segment.text)?.[1]));
    expect(chunkOrder).toEqual([...chunkOrder].sort((a, b) => a - b));
    expect(new Set(chunkOrder).size).toBe(server.requests.length);
  }, 60_000);
});

describe("OpenAI engine errors", () => {
  const failure = (error: unknown) => error as TranscriptionError;

  it("retries a 429 and succeeds", async () => {
    server.failNext(1, { status: 429, headers: { "retry-after": "0" }, body: openAIError("Rate limit reached", "requests", "rate_limit_exceeded") });
    const result = await engine().transcribe(sharedAudio("english.wav"), {});
    expect(server.requests).toHaveLength(2);
    expect(result.segments.length).toBeGreaterThan(0);
  });

  it("reports rate limiting that outlasts the retries as retryable", async () => {
    server.failNext(3, { status: 429, headers: { "retry-after": "0" }, body: openAIError("Rate limit reached", "requests", "rate_limit_exceeded") });
    const error = failure(await engine({ maxRetries: 2 }).transcribe(sharedAudio("english.wav"), {}).catch((caught: unknown) => caught));
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ reason: "rate_limited", retryable: true });
    expect(server.requests).toHaveLength(3);
  });

  it("reports server errors that outlast the retries as retryable", async () => {
    server.failNext(2, { status: 500, headers: { "retry-after": "0" } });
    const error = failure(await engine({ maxRetries: 1 }).transcribe(sharedAudio("english.wav"), {}).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ reason: "provider_unavailable", retryable: true });
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [400, openAIError("Audio file might be corrupted or unsupported", "invalid_request_error")],
    [401, openAIError("Incorrect API key provided", "invalid_request_error", "invalid_api_key")],
    [413, openAIError("Maximum content size limit exceeded", "invalid_request_error")],
    [429, openAIError("You exceeded your current quota", "insufficient_quota", "insufficient_quota")],
  ])("does not retry a %i the provider will refuse again", async (status, body) => {
    server.failNext(1, { status, body, headers: { "retry-after": "0" } });
    const error = failure(await engine({ maxRetries: status === 429 ? 0 : 2 }).transcribe(sharedAudio("english.wav"), {}).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ reason: "provider_rejected", retryable: false });
    expect(error.message).toContain(String(status));
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unreachable server as retryable", async () => {
    const closed = await startFakeOpenAIServer();
    await closed.close();
    const error = failure(
      await createOpenAIEngine({ apiKey: "test-key", baseURL: closed.baseURL, maxRetries: 0 })
        .transcribe(sharedAudio("english.wav"), {})
        .catch((caught: unknown) => caught),
    );
    expect(error).toMatchObject({ reason: "provider_unavailable", retryable: true });
  });

  it("stops when cancelled", async () => {
    server.respondWith(() => new Promise((resolve) => setTimeout(() => resolve({ text: "late" }), 2000)));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const error = failure(await engine().transcribe(sharedAudio("english.wav"), { signal: controller.signal }).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ reason: "cancelled", retryable: false });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses corrupt audio before calling the provider", async () => {
    const error = failure(await engine({ maxUploadBytes: 10 }).transcribe(sharedAudio("jfk.txt"), {}).catch((caught: unknown) => caught));
    expect(error).toMatchObject({ reason: "corrupt_audio", retryable: false });
    expect(server.requests).toHaveLength(0);
  });
});
