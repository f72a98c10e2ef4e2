import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listWebhooks, POST as createWebhook } from "@/app/api/v1/webhooks/route";
import { db } from "@/db/client";
import { recordings, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { getJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { attemptWebhookDelivery } from "@/lib/webhooks/attempt-webhook-delivery";
import { queueRecordingWebhooks } from "@/lib/webhooks/queue-recording-webhooks";
import { resolveWebhookTarget } from "@/lib/webhooks/resolve-webhook-target";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { seedRecording } from "../../support/seed-recording";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver";

// WEBHOOK_ALLOW_PRIVATE is unset here (false): the production default.
let user: ApiUser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [user, receiver] = await Promise.all([createApiUser(), startWebhookReceiver()]);
});

afterAll(async () => {
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
  await receiver.close();
});

const noParams = { params: Promise.resolve({}) };

async function create(url: string, headers: Record<string, string> = {}) {
  const response = await createWebhook(
    new Request("http://localhost/api/v1/webhooks", { method: "POST", headers: { authorization: user.authorization, "content-type": "application/json", ...headers }, body: JSON.stringify({ url, events: ["recording.transcribed"] }) }),
    noParams,
  );
  return { status: response.status, body: await response.json() };
}

describe("webhook targets", () => {
  it.each([
    ["loopback IPv4", "http://127.0.0.1:9/hook"],
    ["a name that resolves to loopback", "http://localhost:9/hook"],
    ["loopback IPv6", "http://[::1]:9/hook"],
    ["IPv4-mapped IPv6 loopback", "http://[::ffff:127.0.0.1]/hook"],
    ["IPv4-mapped IPv6 private, in hex", "http://[::ffff:a00:1]/hook"],
    ["private 10/8", "http://10.1.2.3/hook"],
    ["private 192.168/16", "https://192.168.0.10/hook"],
    ["private 172.16/12", "http://172.20.0.1/hook"],
    ["link-local (cloud metadata)", "http://169.254.169.254/latest/meta-data"],
    ["link-local IPv6", "http://[fe80::1]/hook"],
    ["unique-local IPv6", "http://[fd00::1]/hook"],
    ["carrier-grade NAT", "http://100.64.0.1/hook"],
    ["the unspecified address", "http://0.0.0.0/hook"],
    ["NAT64 of loopback", "http://[64:ff9b::7f00:1]/hook"],
  ])("refuse %s when an endpoint is added (422, nothing stored)", async (_, url) => {
    const answer = await create(url, { "accept-language": "en" });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toMatchObject({ code: "webhook_url_private_address", message: expect.stringMatching(/private/i) });
    const listed = await (await listWebhooks(new Request("http://localhost/api/v1/webhooks", { headers: { authorization: user.authorization } }), noParams)).json();
    expect(listed.items).toEqual([]);
  });

  it("refuse other schemes and URLs with credentials", async () => {
    expect((await create("ftp://example.com/hook")).status).toBe(422);
    expect((await create("file:///etc/passwd")).status).toBe(422);
    expect((await create("https://user:pass@93.184.215.14/hook")).body.error.code).toBe("webhook_url_credentials");
  });

  it("accept a public address", async () => {
    expect(await resolveWebhookTarget("https://93.184.215.14/hook")).toMatchObject({ address: "93.184.215.14", family: 4 });
    expect(await resolveWebhookTarget("http://[2606:4700::1111]/hook")).toMatchObject({ address: "2606:4700::1111", family: 6 });
    expect((await create("https://93.184.215.14/hook")).status).toBe(201);
  });

  it("are checked again at delivery, after DNS: an endpoint on a name that now resolves to loopback gets nothing", async () => {
    // As if the name resolved publicly when the endpoint was added: the row is written directly.
    const [endpoint] = await db.insert(webhookEndpoints).values({ userId: user.id, url: `${receiver.origin.replace("127.0.0.1", "localhost")}/hook`, secret: "whsec_test", events: ["recording.transcribed"] }).returning();
    const recordingId = await seedRecording(user.id);
    const queueWebhooks = await queueRecordingWebhooks();
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(recordings).where(eq(recordings.id, recordingId));
      await queueWebhooks(tx, "recording.transcribed", row!);
    });
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint!.id));
    await attemptWebhookDelivery(await getJobQueue(), delivery!.id);
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(after).toMatchObject({ attempts: 1, lastStatusCode: null, lastError: "private_address", nextRetryAt: null, deliveredAt: null, failedAt: expect.any(Date) });
    expect(receiver.received).toHaveLength(0);
  });
});
