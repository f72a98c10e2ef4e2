import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures, type AudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";

import { PATCH as updateMe } from "@/app/api/v1/users/me/route";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings, transcriptRevisions, transcriptSegments } from "@/db/schema";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { createLocalWhisperEngine } from "@/lib/transcription/engines/local-whisper-engine";
import { createOpenAIEngine } from "@/lib/transcription/engines/openai-engine";
import type { EngineName } from "@/lib/transcription/engine-names";
import { startTranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import { parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";
import type { LanguageDetection, TranscriptionEngine } from "@/lib/transcription/transcription-engine";

// OpenAI-compatible servers do Uzbek and Russian (the real SDK against a local stand-in); everything
// else goes to the local engine with whisper.cpp's test model. The detector stands in for whisper.cpp's
// language detection, whose own test (with the real worker) is in tests/unit/transcription.
const fake: FakeOpenAIServer = await startFakeOpenAIServer({ segmentSeconds: 1 });
const local = createLocalWhisperEngine({ modelPath: path.resolve(import.meta.dirname, "../../../../shared/models/for-tests-ggml-tiny.bin"), threads: 2 });
const openaiByModel = new Map<string, TranscriptionEngine>();
const openaiFor = (model = "whisper-1") => {
  if (!openaiByModel.has(model)) openaiByModel.set(model, createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.baseURL, model }));
  return openaiByModel.get(model)!;
};

let nextDetection: LanguageDetection | null = null;
let detections = 0;
const detector: TranscriptionEngine = {
  name: "local",
  model: "detector",
  transcribe: () => Promise.reject(new Error("the detector only detects")),
  detectLanguage: async () => {
    detections++;
    return nextDetection;
  },
};

const dependencies = {
  defaultEngine: "openai" as const,
  engineFor: async (name: EngineName, model?: string) => (name === "local" ? local : openaiFor(model)),
  storage: getFileStorage(),
  routes: parseTranscriptionRoutes("uz=openai:uz-model,ru=openai:whisper-1,*=local"),
  detector: async () => detector,
};

// What a self-hosted Uzbek model might answer: Uzbek in Cyrillic (UDHR article 1).
const UZBEK_CYRILLIC = "Барча одамлар эркин, қадр-қиммат ва ҳуқуқларда тенг бўлиб туғиладилар.";
const UZBEK_LATIN = "Barcha odamlar erkin, qadr-qimmat va huquqlarda teng bo\u02BBlib tug\u02BBiladilar.";
const RUSSIAN = "Все люди рождаются свободными и равными.";

const answer = (text: string, language: string) => () => ({
  task: "transcribe",
  language,
  duration: 3,
  text,
  segments: [{ id: 0, seek: 0, start: 0, end: 3, text: ` ${text}`, tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0.01 }],
  words: text.split(" ").map((word, index) => ({ word, start: index * 0.3, end: index * 0.3 + 0.3 })),
});

let fixtures: AudioFixtures;
let workers: Awaited<ReturnType<typeof startTranscriptionWorkers>>;

beforeAll(async () => {
  fixtures = await getAudioFixtures();
  workers = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies });
}, 120_000);

afterAll(async () => {
  await workers?.stop(5_000);
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await fake.close();
  await local.close?.();
});

async function setPreferences(user: ApiUser, body: Record<string, unknown>) {
  const response = await updateMe(new Request("http://localhost/api/v1/users/me", { method: "PATCH", headers: { authorization: user.authorization, "content-type": "application/json" }, body: JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

async function uploadSpeech(user: ApiUser, language?: string): Promise<string> {
  const file = new Blob([readFileSync(fixtures.mp3)]);
  const response = await upload(uploadRequest(user.authorization, { file, filename: "speech.mp3", fields: language ? { language } : {} }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return (await response.json()).id;
}

async function settled(id: string, timeoutMs = 30_000) {
  await vi.waitFor(
    async () => {
      const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
      if (row?.transcriptionStatus !== "completed" && row?.transcriptionStatus !== "failed") throw new Error(`still ${row?.transcriptionStatus}`);
    },
    { timeout: timeoutMs, interval: 200 },
  );
  const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
  const segments = await db.select().from(transcriptSegments).where(eq(transcriptSegments.recordingId, id)).orderBy(asc(transcriptSegments.index));
  const revisions = await db.select().from(transcriptRevisions).where(eq(transcriptRevisions.recordingId, id)).orderBy(asc(transcriptRevisions.version));
  return { row: row!, segments, revisions };
}

describe("per-language routing", () => {
  it("detects an 'auto' recording's language, routes it, and writes Uzbek in the owner's script, keeping the engine's text", async () => {
    const user = await createApiUser();
    expect((await setPreferences(user, { vocabulary: "Yozuv, Toshkent" })).body).toMatchObject({ transcript_script: "latin", vocabulary: "Yozuv, Toshkent" });
    nextDetection = { language: "uz", probability: 0.87 };
    fake.respondWith(answer(UZBEK_CYRILLIC, "uzbek"));
    const sent = fake.requests.length;
    const { row, segments, revisions } = await settled(await uploadSpeech(user));

    expect(row).toMatchObject({ transcriptionStatus: "completed", transcriptionEngine: "openai", transcriptionModel: "uz-model", detectedLanguage: "uz", detectedLanguageProbability: 0.87 });
    expect(fake.requests.slice(sent)).toEqual([expect.objectContaining({ model: "uz-model", language: "uz", prompt: "Yozuv, Toshkent" })]);
    expect(segments.map((segment) => segment.text.trim())).toEqual([UZBEK_LATIN]);
    expect(segments[0]!.words?.map((word) => word.text.trim())).toEqual(UZBEK_LATIN.split(" "));
    expect(row.transcriptText).toBe(UZBEK_LATIN);
    expect(revisions.map((revision) => [revision.kind, revision.text])).toEqual([
      ["transcription", UZBEK_CYRILLIC],
      ["script", UZBEK_LATIN],
    ]);
  });

  it("writes Uzbek in Cyrillic for an owner who chose it, and leaves one revision when nothing changes", async () => {
    const user = await createApiUser();
    await setPreferences(user, { transcript_script: "cyrillic" });
    fake.respondWith(answer(UZBEK_CYRILLIC, "uzbek"));
    const { row, revisions } = await settled(await uploadSpeech(user, "uz"));
    expect(row.transcriptText).toBe(UZBEK_CYRILLIC);
    expect(revisions.map((revision) => revision.kind)).toEqual(["transcription"]);
  });

  it("routes a pinned language without detecting, and never converts Russian", async () => {
    const user = await createApiUser();
    fake.respondWith(answer(RUSSIAN, "russian"));
    const before = detections;
    const sent = fake.requests.length;
    const { row, revisions } = await settled(await uploadSpeech(user, "ru"));
    expect(detections).toBe(before);
    expect(fake.requests.slice(sent)).toEqual([expect.objectContaining({ model: "whisper-1", language: "ru" })]);
    expect(row).toMatchObject({ transcriptionEngine: "openai", transcriptionModel: "whisper-1", transcriptText: RUSSIAN, detectedLanguageProbability: null });
    expect(revisions.map((revision) => revision.kind)).toEqual(["transcription"]);
  });

  it("sends a detected language without a route of its own to the * route", async () => {
    const user = await createApiUser();
    nextDetection = { language: "en", probability: null };
    const sent = fake.requests.length;
    // The local engine runs a full encoder pass: slow on a busy machine.
    const { row } = await settled(await uploadSpeech(user), 100_000);
    expect(fake.requests.length).toBe(sent);
    expect(row).toMatchObject({ transcriptionStatus: "completed", transcriptionEngine: "local", transcriptionModel: "for-tests-ggml-tiny.bin", detectedLanguage: "en" });
  }, 120_000);

  it("takes the owner's default language for an upload that names none, and refuses a bad setting", async () => {
    const user = await createApiUser();
    expect(await setPreferences(user, { transcript_script: "arabic" })).toMatchObject({ status: 422 });
    expect((await setPreferences(user, { default_language: "ru" })).body).toMatchObject({ default_language: "ru", transcript_script: "latin" });
    fake.respondWith(answer(RUSSIAN, "russian"));
    const before = detections;
    const { row } = await settled(await uploadSpeech(user));
    expect(row).toMatchObject({ language: "ru", transcriptionModel: "whisper-1" });
    expect(detections).toBe(before);
    expect((await setPreferences(user, { default_language: "auto" })).body).toMatchObject({ default_language: null });
  });
});
