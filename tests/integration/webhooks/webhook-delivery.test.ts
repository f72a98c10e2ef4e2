import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { seedRecording } from "../../support/seed-recording";
import { openAIError, startFakeOpenAIServer, type FakeOpenAIServer } from "../../support/fake-openai-server";
import { uploadRequest } from "../../support/multipart";
import { verifyYozuvSignature } from "../../support/verify-yozuv-signature";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

// Receivers run on loopback, so this file allows private targets; the refusals are in private-targets.test.ts.
// A one-second retry base keeps the 500-then-200 round trip short. The configuration is read once per
// module graph: change it, then load the app modules afresh.
vi.stubEnv("WEBHOOK_ALLOW_PRIVATE", "true");
vi.stubEnv("WEBHOOK_RETRY_BASE_SECONDS", "1");
vi.resetModules();

const { POST: upload } = await import("@/app/api/v1/audio/upload/route");
const { GET: getRecording } = await import("@/app/api/v1/audio/[id]/route");
const { GET: listWebhooks, POST: createWebhook } = await import("@/app/api/v1/webhooks/route");
const { DELETE: deleteWebhook, PATCH: updateWebhook } = await import("@/app/api/v1/webhooks/[id]/route");
const { GET: listDeliveries } = await import("@/app/api/v1/webhooks/[id]/deliveries/route");
const { db } = await import("@/db/client");
const { recordings, webhookDeliveries, webhookEndpoints } = await import("@/db/schema");
const { stopJobQueue } = await import("@/lib/jobs/job-queue");
const { getFileStorage } = await import("@/lib/storage/get-file-storage");
const { createOpenAIEngine } = await import("@/lib/transcription/engines/openai-engine");
const { startTranscriptionWorkers } = await import("@/lib/transcription/pipeline/start-transcription-workers");
const { ENDPOINT_FAILURE_LIMIT, attemptWebhookDelivery } = await import("@/lib/webhooks/attempt-webhook-delivery");
const { queueRecordingWebhooks } = await import("@/lib/webhooks/queue-recording-webhooks");
const { startWebhookWorkers } = await import("@/lib/webhooks/start-webhook-workers");
const { getJobQueue } = await import("@/lib/jobs/job-queue");

const fake: FakeOpenAIServer = await startFakeOpenAIServer({ segmentSeconds: 1 });
const openai = createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.baseURL, model: "whisper-1" });
const dependencies = { defaultEngine: "openai" as const, engineFor: async () => openai, storage: getFileStorage(), processingTimeoutMs: () => 60_000, announcer: queueRecordingWebhooks };

let user: ApiUser;
let mp3: Buffer;
let receiver: WebhookReceiver;
let transcription: Awaited<ReturnType<typeof startTranscriptionWorkers>>;
let webhooks: Awaited<ReturnType<typeof startWebhookWorkers>>;

beforeAll(async () => {
  [user, receiver] = await Promise.all([createApiUser(), startWebhookReceiver()]);
  mp3 = readFileSync((await getAudioFixtures()).mp3);
  transcription = await startTranscriptionWorkers({ concurrency: 1, pollingIntervalSeconds: 0.5, dependencies });
  webhooks = await startWebhookWorkers({ pollingIntervalSeconds: 0.5 });
}, 120_000);

afterAll(async () => {
  await webhooks?.stop();
  await transcription?.stop(5_000);
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await Promise.all([fake.close(), receiver.close()]);
});

const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const asUser = (init: RequestInit = {}) => ({ ...init, headers: { authorization: user.authorization, "content-type": "application/json", ...init.headers } });

type CreatedEndpoint = { id: string; secret: string };

async function addEndpoint(url: string, events = ["recording.transcribed", "recording.failed"]): Promise<CreatedEndpoint> {
  const response = await createWebhook(new Request("http://localhost/api/v1/webhooks", asUser({ method: "POST", body: JSON.stringify({ url, events }) })), noParams);
  expect(response.status).toBe(201);
  return response.json();
}

async function removeEndpoint(id: string) {
  expect((await deleteWebhook(new Request(`http://localhost/api/v1/webhooks/${id}`, asUser({ method: "DELETE" })), idParams(id))).status).toBe(200);
}

async function deliveriesOf(id: string) {
  const response = await listDeliveries(new Request(`http://localhost/api/v1/webhooks/${id}/deliveries`, asUser()), idParams(id));
  expect(response.status).toBe(200);
  return (await response.json()).items;
}

async function uploadAndSettle(): Promise<string> {
  const response = await upload(uploadRequest(user.authorization, { file: new Blob([new Uint8Array(mp3)]), filename: "speech.mp3" }), noParams);
  expect(response.status).toBe(200);
  const { id } = await response.json();
  await vi.waitFor(
    async () => {
      const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
      if (row?.transcriptionStatus !== "completed" && row?.transcriptionStatus !== "failed") throw new Error(`still ${row?.transcriptionStatus}`);
    },
    { timeout: 30_000, interval: 200 },
  );
  return id;
}

/** Queues `event` for a recording row straight through the function the pipeline calls. */
async function announce(event: "recording.transcribed" | "recording.failed", recordingId: string) {
  const queueWebhooks = await queueRecordingWebhooks();
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(recordings).where(eq(recordings.id, recordingId));
    await queueWebhooks(tx, event, row!);
  });
}

const onPath = (path: string) => receiver.received.filter((request) => request.path === path);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("webhook delivery", () => {
  it("delivers each event exactly once after a 500 then a 200, signed as documented, and logs both attempts", async () => {
    const endpoint = await addEndpoint(`${receiver.origin}/hooks/main`);
    receiver.answerNext({ status: 500 });
    const transcribedId = await uploadAndSettle();
    await vi.waitFor(() => expect(onPath("/hooks/main").filter((request) => request.status === 200)).toHaveLength(1), { timeout: 20_000, interval: 100 });

    receiver.answerNext({ status: 503 });
    fake.failNext(1, { status: 400, body: openAIError("Invalid file format.", "invalid_request_error") });
    const failedId = await uploadAndSettle();
    await vi.waitFor(() => expect(onPath("/hooks/main").filter((request) => request.status === 200)).toHaveLength(2), { timeout: 20_000, interval: 100 });
    // Nothing more comes once each is accepted.
    await sleep(2_500);
    const requests = onPath("/hooks/main");
    expect(requests.map((request) => request.status)).toEqual([500, 200, 503, 200]);

    for (const request of requests) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(verifyYozuvSignature(endpoint.secret, String(request.headers["yozuv-signature"]), request.body)).toBe(true);
      expect(verifyYozuvSignature("whsec_wrong", String(request.headers["yozuv-signature"]), request.body)).toBe(false);
      expect(verifyYozuvSignature(endpoint.secret, String(request.headers["yozuv-signature"]), request.body.replace("recording", "rekording"))).toBe(false);
    }
    const [first, retried, second, secondRetried] = requests.map((request) => JSON.parse(request.body));
    // A retry is the same event: same id, same body.
    expect(retried).toEqual(first);
    expect(secondRetried).toEqual(second);
    expect(first).toMatchObject({ event: "recording.transcribed", id: expect.any(String), time: expect.any(String) });
    expect(second).toMatchObject({ event: "recording.failed", recording: { id: failedId, transcription_status: "failed" } });
    const current = await (await getRecording(new Request(`http://localhost/api/v1/audio/${transcribedId}`, asUser()), idParams(transcribedId))).json();
    expect(first.recording).toEqual(current);

    const log = await deliveriesOf(endpoint.id);
    expect(log).toHaveLength(2);
    expect(log.map((delivery: { event: string }) => delivery.event)).toEqual(["recording.failed", "recording.transcribed"]);
    for (const delivery of log) {
      expect(delivery).toMatchObject({ attempts: 2, last_status_code: 200, next_retry_at: null, delivered_at: expect.any(String), failed_at: null });
      expect(delivery.history.map((attempt: { status_code: number }) => attempt.status_code)).toEqual([delivery.event === "recording.failed" ? 503 : 500, 200]);
    }
    const listed = await (await listWebhooks(new Request("http://localhost/api/v1/webhooks", asUser()), noParams)).json();
    expect(listed.items.find((item: { id: string }) => item.id === endpoint.id)).toMatchObject({ consecutive_failures: 0, last_delivery: { event: "recording.failed", last_status_code: 200 } });
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);
    await removeEndpoint(endpoint.id);
  });

  it("sends a deleted endpoint nothing, not even the retry it was owed", async () => {
    const recordingId = await seedRecording(user.id);
    const deleted = await addEndpoint(`${receiver.origin}/hooks/deleted`);
    await removeEndpoint(deleted.id);
    await announce("recording.transcribed", recordingId);

    const owed = await addEndpoint(`${receiver.origin}/hooks/owed`);
    receiver.answerNext({ status: 500 });
    await announce("recording.transcribed", recordingId);
    await vi.waitFor(() => expect(onPath("/hooks/owed")).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await removeEndpoint(owed.id);
    await sleep(3_000);
    expect(onPath("/hooks/deleted")).toHaveLength(0);
    expect(onPath("/hooks/owed")).toHaveLength(1);
  });

  it("only sends the events an endpoint chose", async () => {
    const recordingId = await seedRecording(user.id);
    const failuresOnly = await addEndpoint(`${receiver.origin}/hooks/failures`, ["recording.failed"]);
    await announce("recording.transcribed", recordingId);
    await announce("recording.failed", recordingId);
    await vi.waitFor(() => expect(onPath("/hooks/failures")).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await sleep(1_500);
    expect(onPath("/hooks/failures").map((request) => JSON.parse(request.body).event)).toEqual(["recording.failed"]);
    await removeEndpoint(failuresOnly.id);
  });

  it("does not follow a redirect: a 3xx fails the delivery at once, without a retry", async () => {
    const recordingId = await seedRecording(user.id);
    const endpoint = await addEndpoint(`${receiver.origin}/hooks/moved`);
    receiver.answerNext({ status: 302, headers: { location: `${receiver.origin}/hooks/elsewhere` } });
    await announce("recording.transcribed", recordingId);
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]).toMatchObject({ failed_at: expect.any(String) }), { timeout: 10_000, interval: 100 });
    await sleep(1_500);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ attempts: 1, last_status_code: 302, last_error: "redirect_not_followed", next_retry_at: null, delivered_at: null });
    expect(onPath("/hooks/moved")).toHaveLength(1);
    expect(onPath("/hooks/elsewhere")).toHaveLength(0);
    await removeEndpoint(endpoint.id);
  });

  it("retries network errors on the schedule", async () => {
    const recordingId = await seedRecording(user.id);
    const closed = await startWebhookReceiver();
    await closed.close();
    const endpoint = await addEndpoint(`${closed.origin}/gone`);
    await announce("recording.transcribed", recordingId);
    await vi.waitFor(async () => expect((await deliveriesOf(endpoint.id))[0]?.attempts).toBeGreaterThanOrEqual(2), { timeout: 15_000, interval: 200 });
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery.history.slice(0, 2)).toEqual([expect.objectContaining({ status_code: null, error: "ECONNREFUSED" }), expect.objectContaining({ error: "ECONNREFUSED" })]);
    // 1 s, then 4 s with this file's base: the second attempt came a second or more after the first.
    expect(Date.parse(delivery.history[1].at) - Date.parse(delivery.history[0].at)).toBeGreaterThanOrEqual(900);
    await removeEndpoint(endpoint.id);
  });

  it("disables an endpoint after repeated failures and then sends it nothing", async () => {
    const recordingId = await seedRecording(user.id);
    const endpoint = await addEndpoint(`${receiver.origin}/hooks/flaky`);
    await db.update(webhookEndpoints).set({ consecutiveFailures: ENDPOINT_FAILURE_LIMIT - 1 }).where(eq(webhookEndpoints.id, endpoint.id));
    await webhooks.stop();
    try {
      const queue = await getJobQueue();
      receiver.answerNext({ status: 500 });
      await announce("recording.transcribed", recordingId);
      const [pending] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
      await attemptWebhookDelivery(queue, pending!.id);
      const [disabled] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
      expect(disabled).toMatchObject({ consecutiveFailures: ENDPOINT_FAILURE_LIMIT, disabledAt: expect.any(Date) });
      const [given] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, pending!.id));
      expect(given).toMatchObject({ attempts: 1, lastStatusCode: 500, nextRetryAt: null, failedAt: expect.any(Date) });

      await announce("recording.transcribed", recordingId);
      expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).toHaveLength(1);
      expect(onPath("/hooks/flaky")).toHaveLength(1);
    } finally {
      webhooks = await startWebhookWorkers({ pollingIntervalSeconds: 0.5 });
    }
  });

  it("turned off, an endpoint gets nothing; turned on again after repeated failures, it gets the next event and counts failures from zero", async () => {
    const recordingId = await seedRecording(user.id);
    const endpoint = await addEndpoint(`${receiver.origin}/hooks/switched`);
    const turn = async (enabled: boolean) => {
      const response = await updateWebhook(new Request(`http://localhost/api/v1/webhooks/${endpoint.id}`, asUser({ method: "PATCH", body: JSON.stringify({ enabled }) })), idParams(endpoint.id));
      expect(response.status).toBe(200);
      return (await response.json()) as { disabled_at: string | null; consecutive_failures: number };
    };
    expect(await turn(false)).toMatchObject({ disabled_at: expect.any(String) });
    await announce("recording.transcribed", recordingId);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    // As repeated failures leave it: disabled with the count at the limit.
    await db.update(webhookEndpoints).set({ consecutiveFailures: ENDPOINT_FAILURE_LIMIT }).where(eq(webhookEndpoints.id, endpoint.id));
    expect(await turn(true)).toMatchObject({ disabled_at: null, consecutive_failures: 0 });
    await announce("recording.transcribed", recordingId);
    await vi.waitFor(() => expect(onPath("/hooks/switched")).toHaveLength(1), { timeout: 15_000, interval: 200 });
    await removeEndpoint(endpoint.id);
  });
});
