import { afterAll, describe, expect, it } from "vitest";
import type PgBoss from "pg-boss";
import { startJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";

// The web process and a worker (docker compose starts them together) install pg-boss's schema in a
// fresh database at the same moment. pg-boss alone lets them race ("deadlock detected", or a
// connection left in an aborted transaction): the first upload answered 500 in CI.
const onPostgres = Boolean(process.env.DATABASE_URL);
if (!onPostgres) console.info("job-queue-start.test.ts skipped: on PGlite one process holds the database, so no two queues start together");
const started: PgBoss[] = [];

afterAll(async () => {
  await Promise.all(started.map((boss) => boss.stop({ graceful: false, wait: true, close: true })));
});

describe.skipIf(!onPostgres)("job queues starting together on a fresh database", () => {
  it("all start, and each can send a job", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => startJobQueue()));
    for (const outcome of outcomes) if (outcome.status === "fulfilled") started.push(outcome.value);
    expect(outcomes.map((outcome) => (outcome.status === "rejected" ? String(outcome.reason) : "started"))).toEqual(["started", "started", "started", "started"]);
    const ids = await Promise.all(started.map((boss) => boss.send(TRANSCRIBE_QUEUE, { probe: true })));
    expect(ids.every((id) => typeof id === "string")).toBe(true);
  }, 60_000);
});
