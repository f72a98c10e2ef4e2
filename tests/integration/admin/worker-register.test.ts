import os from "node:os";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { transcriptionWorkers } from "@/db/schema";
import { readSystemInfo } from "@/lib/admin/system/read-system-info";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import { startTranscriptionWorkers, type TranscriptionWorkers } from "@/lib/transcription/pipeline/start-transcription-workers";
import { keepWorkerRegistered } from "@/lib/transcription/workers/keep-worker-registered";
import { registerWorker } from "@/lib/transcription/workers/register-worker";

afterAll(async () => {
  await stopJobQueue({ graceful: false, timeoutMs: 2_000 });
});

const seenWorkers = async () => (await readSystemInfo()).workers.seen;
const ageRow = (id: string, interval: string) =>
  db
    .update(transcriptionWorkers)
    .set({ lastSeenAt: sql`now() - ${interval}::interval` })
    .where(eq(transcriptionWorkers.id, id));

describe("the worker register behind the System page", () => {
  let embedded: TranscriptionWorkers | undefined;
  let standalone: TranscriptionWorkers | undefined;

  it("counts each started set of workers as one process, with its host, kind and concurrency, and forgets it on a clean stop", async () => {
    expect(await seenWorkers()).toEqual([]);

    embedded = await startTranscriptionWorkers({ concurrency: 2, pollingIntervalSeconds: 30 });
    const one = await seenWorkers();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ host: os.hostname(), pid: process.pid, kind: "embedded", concurrency: 2 });
    expect(one[0]!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    standalone = await startTranscriptionWorkers({ concurrency: 1, kind: "standalone", pollingIntervalSeconds: 30 });
    const two = await seenWorkers();
    expect(two.map((worker) => worker.kind).sort()).toEqual(["embedded", "standalone"]);
    expect((await readSystemInfo()).workers).toMatchObject({ seenWindowMinutes: 2 });

    await standalone.stop(1_000);
    standalone = undefined;
    expect((await seenWorkers()).map((worker) => worker.kind)).toEqual(["embedded"]);
    expect(await db.select().from(transcriptionWorkers)).toHaveLength(1);

    await embedded.stop(1_000);
    embedded = undefined;
    expect(await db.select().from(transcriptionWorkers)).toEqual([]);
  }, 60_000);

  it("does not count a process not seen within the window, and drops one not seen for a day at the next refresh", async () => {
    const silent = { id: randomUUID(), host: "worker-silent", pid: 41, kind: "standalone" as const, concurrency: 1 };
    const dead = { id: randomUUID(), host: "worker-dead", pid: 42, kind: "standalone" as const, concurrency: 4 };
    const alive = { id: randomUUID(), host: "worker-alive", pid: 43, kind: "standalone" as const, concurrency: 3 };
    await registerWorker(silent);
    await registerWorker(dead);
    await ageRow(silent.id, "3 minutes");
    await ageRow(dead.id, "25 hours");
    expect(await seenWorkers()).toEqual([]);

    await registerWorker(alive);
    expect((await seenWorkers()).map((worker) => worker.host)).toEqual(["worker-alive"]);
    // The silent one may yet come back, so it is kept; the dead one is gone.
    expect((await db.select({ host: transcriptionWorkers.host }).from(transcriptionWorkers)).map((row) => row.host).sort()).toEqual(["worker-alive", "worker-silent"]);

    // A refresh of a known row moves only its last_seen_at.
    const [before] = await db.select().from(transcriptionWorkers).where(eq(transcriptionWorkers.id, silent.id));
    await registerWorker({ ...silent, concurrency: 9 });
    const [after] = await db.select().from(transcriptionWorkers).where(eq(transcriptionWorkers.id, silent.id));
    expect(after).toMatchObject({ concurrency: 1, startedAt: before!.startedAt });
    expect(after!.lastSeenAt.getTime()).toBeGreaterThan(before!.lastSeenAt.getTime());
    expect((await seenWorkers()).map((worker) => worker.host)).toEqual(["worker-alive", "worker-silent"]);
  });

  it("keeps a running worker in the window by refreshing its row every 30 seconds, and stops refreshing once stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const registration = await keepWorkerRegistered({ kind: "embedded", concurrency: 1 });
      const lastSeen = async () => (await db.select().from(transcriptionWorkers).where(eq(transcriptionWorkers.id, registration.id)))[0]?.lastSeenAt;
      await ageRow(registration.id, "3 minutes");
      const aged = await lastSeen();
      await vi.advanceTimersByTimeAsync(29_000);
      expect(await lastSeen()).toEqual(aged);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(async () => expect((await lastSeen())!.getTime()).toBeGreaterThan(Date.now() - 60_000));
      expect((await seenWorkers()).map((worker) => worker.id)).toContain(registration.id);

      await registration.stop();
      await registerWorker({ id: registration.id, host: "re-added", pid: 1, kind: "embedded", concurrency: 1 });
      await ageRow(registration.id, "3 minutes");
      await vi.advanceTimersByTimeAsync(60_000);
      expect((await seenWorkers()).map((worker) => worker.id)).not.toContain(registration.id);
    } finally {
      vi.useRealTimers();
    }
  });

  afterAll(async () => {
    await Promise.all([embedded?.stop(0), standalone?.stop(0)]);
  });
});
