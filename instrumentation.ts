// Runs once when a server process starts: apply pending migrations before any request is served,
// keep the upload folder clean, (unless workers run separately) start transcribing and delivering
// webhooks, and on SIGTERM stop gracefully: uploads in flight finish or are cleaned up, running jobs
// are handed back.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installContentLengthPassthrough } = await import("@/lib/http/content-length-passthrough");
  installContentLengthPassthrough();
  (await import("@/lib/http/server-request-hooks")).installServerRequestHooks();
  const { migrateDatabase } = await import("@/db/migrate");
  const { env } = await import("@/lib/env");
  const { logger } = await import("@/lib/log/logger");
  const { scheduleStorageSweeps } = await import("@/lib/storage/schedule-storage-sweeps");
  await migrateDatabase();
  logger.info("database migrations applied");
  scheduleStorageSweeps();
  const { shutDownOnSignal } = await import("@/lib/shutdown/shut-down-on-signal");
  if (!env.EMBEDDED_WORKER) return shutDownOnSignal(null);
  const { startTranscriptionWorkers } = await import("@/lib/transcription/pipeline/start-transcription-workers");
  const { startWebhookWorkers } = await import("@/lib/webhooks/start-webhook-workers");
  const transcription = await startTranscriptionWorkers({ concurrency: env.WORKER_CONCURRENCY });
  const webhooks = await startWebhookWorkers();
  shutDownOnSignal({ stop: async (graceMs) => void (await Promise.all([webhooks.stop(), transcription.stop(graceMs)])) });
}
