import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { modelMissingError } from "@/lib/transcription/models/model-missing-error";
import { cancelledError, TranscriptionError } from "@/lib/transcription/transcription-engine";

export type DownloadLogger = { info(fields: Record<string, unknown>, message: string): void };

/** What happens to a download, for whoever shows it: progress as bytes arrive, then the outcome. */
export type ModelDownloadEvent = { file: string; source: string } & (
  | { state: "downloading"; receivedBytes: number; totalBytes: number | null }
  | { state: "verified"; receivedBytes: number; totalBytes: number }
  | { state: "failed"; error: string }
);

export type VerifiedDownload = {
  /** What the messages call it: a catalogue name or a URL. */
  name: string;
  url: string;
  /** The file name inside `modelsDir`. */
  file: string;
  hash: { algorithm: "sha1" | "sha256"; expected: string };
  modelsDir: string;
  logger: DownloadLogger;
  fetchImpl?: typeof fetch;
  sizeMiB?: number;
  signal?: AbortSignal;
  /** Says how to get along without this download, after a mismatch. */
  hint: string;
  /** Called on every chunk (the listener decides how often to pass it on) and with the outcome. */
  onEvent?: (event: ModelDownloadEvent) => void;
};

/**
 * Downloads a model file into `modelsDir` once and returns its path. The bytes go to a temporary file in
 * the same directory, hashed on the way, and are renamed into place only when the hash matches, so a
 * crash, a bad mirror or a truncated transfer never leaves a file that looks like a model. A file already
 * in place is checked again and kept only if it still matches.
 */
export async function downloadVerifiedFile(download: VerifiedDownload): Promise<string> {
  const { name, url, file, hash, modelsDir, logger, fetchImpl = fetch, signal, onEvent = () => {} } = download;
  const finalPath = path.join(modelsDir, file);
  const present = await hashOfFile(finalPath, hash.algorithm);
  if (present?.digest === hash.expected) {
    logger.info({ model: name, path: finalPath }, "Whisper model already present and verified");
    onEvent({ file, source: name, state: "verified", receivedBytes: present.bytes, totalBytes: present.bytes });
    return finalPath;
  }
  await mkdir(modelsDir, { recursive: true });
  const tempPath = path.join(modelsDir, `.${file}.${randomUUID().slice(0, 8)}.part`);
  let renamed = false;
  try {
    const response = await fetchOrExplain(fetchImpl, url, name, signal);
    logger.info({ model: name, url, sizeMiB: download.sizeMiB }, "Downloading Whisper model");
    const progress = (receivedBytes: number, totalBytes: number | null) => onEvent({ file, source: name, state: "downloading", receivedBytes, totalBytes });
    const actual = await saveBody(response, tempPath, hash.algorithm, { log: (fields) => logger.info({ model: name, ...fields }, "Downloading Whisper model"), progress }, name);
    if (actual.digest !== hash.expected) {
      throw new TranscriptionError(
        "model_invalid",
        `The downloaded ${file} has ${hash.algorithm.toUpperCase().replace("SHA", "SHA-")} ${actual.digest}, expected ${hash.expected}; it was deleted. ${download.hint}`,
        { retryable: false },
      );
    }
    await rename(tempPath, finalPath);
    renamed = true;
    logger.info({ model: name, path: finalPath }, "Whisper model downloaded and verified");
    onEvent({ file, source: name, state: "verified", receivedBytes: actual.bytes, totalBytes: actual.bytes });
    return finalPath;
  } catch (error) {
    const failure = signal?.aborted ? cancelledError(signal.reason) : error;
    onEvent({ file, source: name, state: "failed", error: failure instanceof Error ? failure.message : String(failure) });
    throw failure;
  } finally {
    if (!renamed) await rm(tempPath, { force: true });
  }
}

async function fetchOrExplain(fetchImpl: typeof fetch, url: string, name: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, redirect: "follow" });
  } catch (error) {
    if (signal?.aborted) throw cancelledError(signal.reason);
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    throw modelMissingError(`Could not download the Whisper model "${name}" from ${url} (${reason})`, name, error);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw modelMissingError(`Downloading the Whisper model "${name}" failed: HTTP ${response.status} ${response.statusText} from ${url}`, name);
  }
  return response;
}

type Reporters = { log: (fields: Record<string, unknown>) => void; progress: (receivedBytes: number, totalBytes: number | null) => void };

/** Streams the body to `file`, hashing it on the way; logs progress every 10 % (or 50 MiB without a length), reports every chunk. */
async function saveBody(response: Response, file: string, algorithm: "sha1" | "sha256", { log, progress }: Reporters, name: string): Promise<{ digest: string; bytes: number }> {
  // With a content-encoding the length counts compressed bytes, not what we receive.
  const total = response.headers.get("content-encoding") ? null : Number(response.headers.get("content-length")) || null;
  const hash = createHash(algorithm);
  const handle = await open(file, "wx");
  let received = 0;
  let logged = 0; // tenths of the file, or 50 MiB steps without a length
  const step = (bytes: number) => Math.floor(total ? (bytes / total) * 10 : bytes / (50 * 2 ** 20));
  progress(0, total);
  try {
    for await (const chunk of Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      await handle.write(bytes);
      received += bytes.byteLength;
      progress(received, total);
      if (step(received) > logged) {
        logged = step(received);
        log({ receivedMiB: Math.round(received / 2 ** 20), ...(total ? { percent: Math.floor((received / total) * 100) } : {}) });
      }
    }
    await handle.sync();
  } catch (error) {
    if (error instanceof TranscriptionError) throw error;
    throw modelMissingError(`The download of the Whisper model "${name}" was interrupted after ${received} bytes`, name, error);
  } finally {
    await handle.close();
  }
  if (total !== null && received !== total) {
    throw modelMissingError(`The download of the Whisper model "${name}" ended after ${received} of ${total} bytes`, name);
  }
  return { digest: hash.digest("hex"), bytes: received };
}

async function hashOfFile(file: string, algorithm: "sha1" | "sha256"): Promise<{ digest: string; bytes: number } | null> {
  try {
    const hash = createHash(algorithm);
    let bytes = 0;
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).byteLength;
    }
    return { digest: hash.digest("hex"), bytes };
  } catch {
    return null;
  }
}
