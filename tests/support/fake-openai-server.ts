import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";
import { parseBuffer } from "music-metadata";

/** What the SDK sent in one `POST /v1/audio/transcriptions`. */
export type RecordedTranscriptionRequest = {
  model?: string;
  responseFormat?: string;
  language?: string;
  prompt?: string;
  timestampGranularities: string[];
  chunkingStrategy?: string;
  fileName?: string;
  fileSize: number;
  authorization?: string;
};

export type ReceivedUpload = { request: RecordedTranscriptionRequest; index: number; bytes: Buffer };

export type ScriptedFailure = { status: number; body?: unknown; headers?: Record<string, string> };

export type FakeOpenAIServer = {
  /** Give this to the SDK as `baseURL`. */
  baseURL: string;
  requests: RecordedTranscriptionRequest[];
  /** The next `count` requests get `failure` instead of a transcript. */
  failNext(count: number, failure: ScriptedFailure): void;
  /** Replaces the default transcript (segments over the uploaded audio's duration). */
  respondWith(handler: (upload: ReceivedUpload) => unknown): void;
  /** Forgets requests, scripted failures and custom answers. */
  reset(): void;
  close(): Promise<void>;
};

/**
 * A local stand-in for OpenAI's transcription endpoint, so tests exercise the real SDK over real HTTP.
 * By default it measures the uploaded audio and answers `verbose_json` with one segment every
 * `segmentSeconds` ("r<request> s<segment>", two words each), or `json` / `text` as asked, or
 * `diarized_json` with the same segments spoken in turn by speakers "A" and "B".
 */
export async function startFakeOpenAIServer(options: { segmentSeconds?: number; port?: number } = {}): Promise<FakeOpenAIServer> {
  const segmentSeconds = options.segmentSeconds ?? 2;
  const requests: RecordedTranscriptionRequest[] = [];
  const failures: ScriptedFailure[] = [];
  const defaultHandler = (upload: ReceivedUpload) => transcriptFor(upload, segmentSeconds);
  let handler: (upload: ReceivedUpload) => unknown = defaultHandler;

  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/v1/audio/transcriptions") {
      return sendJson(res, 404, openAIError(`No route ${req.method} ${req.url}`, "invalid_request_error"));
    }
    readUpload(req)
      .then(async ({ request, bytes }) => {
        requests.push(request);
        const failure = failures.shift();
        if (failure) return sendJson(res, failure.status, failure.body ?? openAIError(`Scripted ${failure.status}`, "server_error"), failure.headers);
        const body = await handler({ request, index: requests.length - 1, bytes });
        if (request.responseFormat === "text") return sendText(res, typeof body === "string" ? body : String((body as { text?: string }).text ?? ""));
        sendJson(res, 200, body);
      })
      .catch((error: unknown) => sendJson(res, 500, openAIError(String(error), "server_error")));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext(count, failure) {
      for (let index = 0; index < count; index++) failures.push(failure);
    },
    respondWith(next) {
      handler = next;
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
      handler = defaultHandler;
    },
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export function openAIError(message: string, type: string, code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

function readUpload(req: IncomingMessage): Promise<{ request: RecordedTranscriptionRequest; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const request: RecordedTranscriptionRequest = { timestampGranularities: [], fileSize: 0, authorization: req.headers.authorization };
    const parts: Buffer[] = [];
    const parser = busboy({ headers: req.headers });
    parser.on("field", (name, value) => {
      if (name === "model") request.model = value;
      else if (name === "response_format") request.responseFormat = value;
      else if (name === "language") request.language = value;
      else if (name === "prompt") request.prompt = value;
      else if (name === "chunking_strategy") request.chunkingStrategy = value;
      else if (name === "timestamp_granularities[]") request.timestampGranularities.push(value);
    });
    parser.on("file", (_name, stream, info) => {
      request.fileName = info.filename;
      stream.on("data", (chunk: Buffer) => parts.push(chunk));
    });
    parser.on("close", () => {
      const bytes = Buffer.concat(parts);
      request.fileSize = bytes.byteLength;
      resolve({ request, bytes });
    });
    parser.on("error", reject);
    req.pipe(parser);
  });
}

async function transcriptFor({ request, index, bytes }: ReceivedUpload, segmentSeconds: number) {
  const { format } = await parseBuffer(bytes, { path: request.fileName ?? "audio" }, { duration: true });
  const duration = format.duration ?? 0;
  const segments = [];
  const words = [];
  for (let start = 0, k = 0; start < duration; start += segmentSeconds, k++) {
    const end = Math.min(duration, start + segmentSeconds);
    const middle = (start + end) / 2;
    segments.push({ id: k, seek: 0, start, end, text: ` r${index} s${k}`, tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0.01 });
    words.push({ word: `r${index}`, start, end: middle }, { word: `s${k}`, start: middle, end });
  }
  const text = segments.map((segment) => segment.text).join("");
  if (request.responseFormat === "diarized_json") return diarized(segments, duration);
  if (request.responseFormat !== "verbose_json") return { text };
  return {
    task: "transcribe",
    language: "english",
    duration,
    text,
    segments: request.timestampGranularities.length === 0 || request.timestampGranularities.includes("segment") ? segments : undefined,
    words: request.timestampGranularities.includes("word") ? words : undefined,
  };
}

/** OpenAI's `diarized_json` (TranscriptionDiarized in the SDK): timed segments with speaker labels, no words. */
export function diarized(segments: { start: number; end: number; text: string }[], duration: number, speakers = ["A", "B"]) {
  return {
    task: "transcribe",
    duration,
    text: segments.map((segment) => segment.text).join(""),
    segments: segments.map((segment, k) => ({ type: "transcript.text.segment", id: `seg_${k}`, start: segment.start, end: segment.end, text: segment.text, speaker: speakers[k % speakers.length] })),
    usage: { type: "duration", seconds: Math.ceil(duration) },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, body: string): void {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}
