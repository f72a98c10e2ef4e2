// The web process's start-up (instrumentation.ts: migrations, sweeps, embedded workers) without the
// HTTP part, for tests that SIGTERM or kill -9 it. Like `next start`, it answers SIGTERM by exiting
// (code 143) right after its own clean-up, so the test sees whether the shutdown held that exit (it
// then exits 0 itself, lib/shutdown/shut-down-on-signal.ts).
// Usage: tsx --conditions=react-server tests/support/embedded-app-cli.ts upload <audio file>
//        tsx --conditions=react-server tests/support/embedded-app-cli.ts watch <recording id>
import { createReadStream } from "node:fs";
import { eq } from "drizzle-orm";

process.on("SIGTERM", () => setTimeout(() => process.exit(143), 50));

async function main() {
  const [mode, argument = ""] = process.argv.slice(2);
  const { register } = await import("../../instrumentation");
  await register();
  const { db } = await import("@/db/client");
  const { recordings, users } = await import("@/db/schema");
  if (mode === "upload") {
    // Stored and queued as an upload is (the upload checks themselves are tested elsewhere).
    const { getFileStorage } = await import("@/lib/storage/get-file-storage");
    const { getJobQueue } = await import("@/lib/jobs/job-queue");
    const { enqueueTranscription } = await import("@/lib/transcription/pipeline/enqueue-transcription");
    const [user] = await db.insert(users).values({ phone: `+99893${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` }).returning();
    const id = crypto.randomUUID();
    const staged = await getFileStorage().createStagedFile();
    await staged.write(createReadStream(argument));
    const { size } = await staged.commit(`${id}.mp3`);
    const queue = await getJobQueue();
    await db.transaction(async (tx) => {
      const [recording] = await tx
        .insert(recordings)
        .values({ id, userId: user!.id, storageKey: `${id}.mp3`, originalFilename: "speech.mp3", title: "speech", fileSize: size, durationSeconds: 3, mimeType: "audio/mpeg" })
        .returning();
      await enqueueTranscription(tx, queue, recording!);
    });
    console.log(JSON.stringify({ id }));
    setInterval(() => {}, 60_000);
    return;
  }
  for (;;) {
    const [row] = await db.select().from(recordings).where(eq(recordings.id, argument));
    if (row?.transcriptionStatus === "completed") {
      console.log(JSON.stringify({ status: "completed", attempts: row.transcriptionAttempts }));
      const { stopJobQueue } = await import("@/lib/jobs/job-queue");
      const { closeConnection } = await import("@/db/client");
      await stopJobQueue({ graceful: false, timeoutMs: 1000 });
      await closeConnection();
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

void main();
