import "server-only";
import type { Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { trackInFlightWork } from "@/lib/shutdown/track-in-flight-work";
import { refuseWhenQueueFull } from "@/lib/transcription/pipeline/refuse-when-queue-full";
import { receiveMultipartUpload, type IncomingUpload } from "./receive-multipart-upload";
import { storeStagedUpload } from "./store-staged-upload";
import { uploadError } from "./upload-error";

// The multipart envelope around the file: boundaries, part headers and the small fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function maxUploadBytes(): number {
  return env.MAX_UPLOAD_MB * 1024 * 1024;
}

/**
 * Receives one uploaded recording through this server: streamed into a staged file (fsynced), then
 * checked and stored by `storeStagedUpload`, exactly as a direct upload is.
 * A server shutdown waits for it, and after its grace period stops it while the body is still arriving.
 */
export function uploadRecording(upload: IncomingUpload, caller: CurrentUser): Promise<Recording> {
  return trackInFlightWork((signal) => receiveAndStore(upload, caller, signal));
}

async function receiveAndStore(upload: IncomingUpload, caller: CurrentUser, signal: AbortSignal): Promise<Recording> {
  const declaredBytes = Number(upload.headers.get("content-length") ?? 0);
  if (declaredBytes > maxUploadBytes() + MULTIPART_OVERHEAD_BYTES) throw uploadError("payload_too_large", "file_too_large", { maxMb: env.MAX_UPLOAD_MB });

  await refuseWhenQueueFull(caller.id);

  const startedAt = performance.now();
  const staged = await getFileStorage().createStagedFile();
  let received;
  try {
    received = await receiveMultipartUpload(upload, staged, maxUploadBytes(), signal);
  } catch (error) {
    await staged.discard();
    throw error;
  }
  return storeStagedUpload(staged, caller, { ...received, timings: { startedAt, lastByteAt: received.lastByteAt } });
}
