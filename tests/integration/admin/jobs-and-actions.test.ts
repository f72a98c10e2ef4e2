import { actionScope } from "../../support/server-action-scope";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as retryJob } from "@/app/api/v1/admin/jobs/[id]/retry/route";
import { GET as listJobs } from "@/app/api/v1/admin/jobs/route";
import { GET as stats } from "@/app/api/v1/admin/stats/route";
import { db } from "@/db/client";
import { adminAuditLog, recordings, users, webhookDeliveries, webhookEndpoints, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { countTranscriptionJobs } from "@/lib/admin/jobs/count-transcription-jobs";
import { getJobQueue } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";
import { enqueueTranscription } from "@/lib/transcription/pipeline/enqueue-transcription";
import { adminRequest, idParams, noParams } from "../../support/admin-api";
import { createApiUser, type ApiUser } from "../../support/api-users";

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const { updateUserAction } = await import("@/app/admin/_actions/update-user");
const { setDefaultQuotasAction } = await import("@/app/admin/_actions/set-default-quotas");
const { retryJobAction } = await import("@/app/admin/_actions/retry-job");
const { retryFailedJobsAction } = await import("@/app/admin/_actions/retry-failed-jobs");
const { cancelJobAction } = await import("@/app/admin/_actions/cancel-job");

let admin: ApiUser;
let owner: ApiUser;

beforeAll(async () => {
  [admin, owner] = await Promise.all([createApiUser("admin"), createApiUser()]);
  await getJobQueue();
}, 60_000);

const asUser = (user: ApiUser): CurrentUser => ({ id: user.id, phone: user.phone, role: user.role });

async function recordingWith(values: Partial<Recording>): Promise<Recording> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(recordings)
    .values({ id, userId: owner.id, storageKey: `${id}.mp3`, originalFilename: "a.mp3", title: `t-${id.slice(0, 8)}`, fileSize: 10, durationSeconds: 5, mimeType: "audio/mpeg", ...values })
    .returning();
  return row!;
}

async function queuedRecording(): Promise<Recording> {
  const recording = await recordingWith({});
  const queue = await getJobQueue();
  return db.transaction((tx) => enqueueTranscription(tx, queue, recording));
}

async function current(id: string) {
  const [row] = await db.select().from(recordings).where(eq(recordings.id, id));
  return row!;
}

describe("the job console", () => {
  it("lists failed transcriptions with owner, reason and attempts, and retries one over REST", async () => {
    const failed = await recordingWith({ transcriptionStatus: "failed", transcriptionJobId: crypto.randomUUID(), transcriptionError: "model_missing", transcriptionAttempts: 1 });
    const page = await (await listJobs(adminRequest(admin, "/jobs?state=failed&limit=100"), noParams)).json();
    expect(page.items).toContainEqual(
      expect.objectContaining({ job_id: failed.transcriptionJobId, state: "failed", recording_id: failed.id, owner_phone: owner.phone, reason: "model_missing", attempts: 1 }),
    );
    const response = await retryJob(adminRequest(admin, `/jobs/${failed.transcriptionJobId}/retry`, { method: "POST" }), idParams(failed.transcriptionJobId!));
    expect(response.status).toBe(202);
    const body = await response.json();
    const after = await current(failed.id);
    expect(after).toMatchObject({ transcriptionStatus: "pending", transcriptionError: null, transcriptionJobId: body.job_id });
    expect(body.job_id).not.toBe(failed.transcriptionJobId);
    const [entry] = await db.select().from(adminAuditLog).where(sql`${adminAuditLog.details}->>'recordingId' = ${failed.id}`);
    expect(entry).toMatchObject({ action: "job.retried", actorId: admin.id, targetUserId: owner.id });
    // The old job id no longer names the recording's job.
    expect((await retryJob(adminRequest(admin, `/jobs/${failed.transcriptionJobId}/retry`, { method: "POST" }), idParams(failed.transcriptionJobId!))).status).toBe(404);
    expect((await retryJob(adminRequest(admin, "/jobs/nope/retry", { method: "POST" }), idParams("nope"))).status).toBe(404);
  });

  it("counts and lists a transcription with no progress for longer than its expiry as stuck", async () => {
    const stuck = await recordingWith({ transcriptionStatus: "processing", transcriptionJobId: crypto.randomUUID(), updatedAt: new Date(Date.now() - 60 * 60_000) });
    const fresh = await recordingWith({ transcriptionStatus: "processing", transcriptionJobId: crypto.randomUUID() });
    const listed = await (await listJobs(adminRequest(admin, "/jobs?state=stuck&limit=100"), noParams)).json();
    const ids = listed.items.map((item: { recording_id: string }) => item.recording_id);
    expect(ids).toContain(stuck.id);
    expect(ids).not.toContain(fresh.id);
    const counts = await countTranscriptionJobs();
    expect(counts.stuck).toBeGreaterThanOrEqual(1);
    expect(counts.processing).toBeGreaterThanOrEqual(1);
    const summary = await (await stats(adminRequest(admin, "/stats"), noParams)).json();
    expect(summary).toMatchObject({ users: { total: expect.any(Number) }, jobs: { stuck: counts.stuck } });
    expect(summary.users.admins).toBeGreaterThanOrEqual(1);
  });

  it("cancels a queued transcription, once, tells the owner's webhooks, and refuses bad states in the query", async () => {
    actionScope.user = asUser(admin);
    const [endpoint] = await db.insert(webhookEndpoints).values({ userId: owner.id, url: "https://93.184.215.14/hook", secret: "whsec_test", events: ["recording.failed"] }).returning();
    const queued = await queuedRecording();
    const listed = await (await listJobs(adminRequest(admin, "/jobs?state=queued&limit=100"), noParams)).json();
    expect(listed.items.map((item: { job_id: string }) => item.job_id)).toContain(queued.transcriptionJobId);
    expect(await cancelJobAction({ jobId: queued.transcriptionJobId })).toEqual({ ok: true, data: undefined });
    expect(await current(queued.id)).toMatchObject({ transcriptionStatus: "failed", transcriptionError: "cancelled" });
    const [job] = await db.select({ state: pgbossJob.state }).from(pgbossJob).where(eq(pgbossJob.id, queued.transcriptionJobId!));
    expect(job?.state).toBe("cancelled");
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint!.id));
    expect(deliveries.map((delivery) => [delivery.event, JSON.parse(delivery.payload).recording.transcription_error])).toEqual([["recording.failed", "cancelled"]]);
    await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint!.id));
    expect(await cancelJobAction({ jobId: queued.transcriptionJobId })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await listJobs(adminRequest(admin, "/jobs?state=everything"), noParams)).status).toBe(422);
  });

  it("refuses to cancel a job a worker already took, changing nothing", async () => {
    actionScope.user = asUser(admin);
    const queued = await queuedRecording();
    await db.execute(sql`update pgboss.job set state = 'active', started_on = now() where id = ${queued.transcriptionJobId}::uuid`);
    expect(await cancelJobAction({ jobId: queued.transcriptionJobId })).toMatchObject({ ok: false, error: { code: "job_not_queued" } });
    expect((await current(queued.id)).transcriptionStatus).toBe("pending");
  });

  it("retries every failed transcription at once", async () => {
    actionScope.user = asUser(admin);
    const failed = await Promise.all([1, 2].map(() => recordingWith({ transcriptionStatus: "failed", transcriptionJobId: crypto.randomUUID(), transcriptionError: "engine_unavailable" })));
    const result = await retryFailedJobsAction({});
    expect(result.ok && result.data.retried).toBeGreaterThanOrEqual(2);
    for (const recording of failed) expect((await current(recording.id)).transcriptionStatus).toBe("pending");
    expect(await countTranscriptionJobs()).toMatchObject({ failed: 0 });
  });
});

describe("admin server actions", () => {
  it("are refused to a signed-in user who is not an admin, changing nothing", async () => {
    actionScope.user = asUser(owner);
    const failed = await recordingWith({ transcriptionStatus: "failed", transcriptionJobId: crypto.randomUUID() });
    const queued = await queuedRecording();
    const results = [
      await updateUserAction({ id: owner.id, role: "admin" }),
      await updateUserAction({ id: owner.id, quotaMinutes: 1 }),
      await setDefaultQuotasAction({ quotaMinutes: 1, quotaBytes: 1 }),
      await retryJobAction({ jobId: failed.transcriptionJobId }),
      await retryFailedJobsAction({}),
      await cancelJobAction({ jobId: queued.transcriptionJobId }),
    ];
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: "admin_only", message: "Only administrators can do this." } });
    const [row] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(row).toMatchObject({ role: "user", quotaMinutes: null });
    expect((await current(failed.id)).transcriptionStatus).toBe("failed");
    expect((await current(queued.id)).transcriptionStatus).toBe("pending");
  });

  it("are refused without a session", async () => {
    actionScope.user = null;
    expect(await updateUserAction({ id: owner.id, role: "admin" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("let an admin change a user", async () => {
    actionScope.user = asUser(admin);
    expect(await updateUserAction({ id: owner.id, quotaMinutes: 90, quotaBytes: null })).toEqual({ ok: true, data: undefined });
    const [row] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(row?.quotaMinutes).toBe(90);
    expect(await updateUserAction({ id: admin.id, role: "user" })).toMatchObject({ ok: false, error: { code: "admin_self_change" } });
  });
});
