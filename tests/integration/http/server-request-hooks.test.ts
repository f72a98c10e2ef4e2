import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/v1/audio/upload/route";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import { clientIp } from "@/lib/auth/client-ip";
import { LINGER_MS } from "@/lib/http/linger-after-early-answer";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { installServerRequestHooks } from "@/lib/http/server-request-hooks";
import { getAudioFixtures } from "../../support/audio-fixtures";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { serveRoutesOnNode, type RouteServer } from "../../support/route-on-node-server";

const idleSeconds = 1.5;
// Node's own total limit, made short so that a slow upload outlasts it.
const totalTimeoutMs = 2000;

let app: RouteServer;
let user: ApiUser;
let audio: Buffer;
// Per upload: whether the route read the web stream Next.js-style servers wrap around the request.
const webBodiesRead: boolean[] = [];

beforeAll(async () => {
  installServerRequestHooks({ requestIdleTimeoutSeconds: idleSeconds });
  audio = readFileSync((await getAudioFixtures()).mp3);
  user = await createApiUser();
  app = await serveRoutesOnNode(
    {
      "/api/v1/audio/upload": async (request) => {
        const response = await upload(request, { params: Promise.resolve({}) });
        webBodiesRead.push(request.bodyUsed);
        return response;
      },
      "/peer": async (request) => Response.json({ direct: clientIp(request.headers, false), behindProxy: clientIp(request.headers, true) }),
      "/slow-answer": async (request) => {
        await request.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000 + 1000));
        return Response.json({ ok: true });
      },
    },
    { requestTimeout: totalTimeoutMs, headersTimeout: 1000, connectionsCheckingInterval: 100 },
  );
}, 120_000);
afterAll(() => app.close());

type Answer = { status: number; body: string } | { error: string; afterMs: number };

/** Sends `chunks` of a body one after another, `gapMs` apart, then (unless `stopEarly`) ends it. */
function sendSlowly(pathname: string, headers: Record<string, string>, chunks: Buffer[], gapMs: number, stopEarly = false): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve) => {
    const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0) + (stopEarly ? 1 : 0);
    const req = httpRequest(`${app.url}${pathname}`, { method: "POST", headers: { ...headers, "content-length": String(total) } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", (error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message, afterMs: Date.now() - started }));
    const next = (index: number) => {
      if (index === chunks.length) {
        if (!stopEarly) req.end();
        return;
      }
      req.write(chunks[index]);
      setTimeout(() => next(index + 1), gapMs);
    };
    next(0);
  });
}

function multipartUpload(file: Buffer, pieces: number): { headers: Record<string, string>; chunks: Buffer[] } {
  const boundary = "----yozuvslow";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = Math.ceil(file.length / pieces);
  const fileChunks = Array.from({ length: pieces }, (_, i) => file.subarray(i * size, (i + 1) * size));
  return {
    headers: { authorization: user.authorization, "content-type": `multipart/form-data; boundary=${boundary}` },
    chunks: [head, ...fileChunks, tail],
  };
}

const storedFiles = (): string[] => readdirSync(process.env.UPLOAD_DIR!, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
const rowsOfUser = () => db.select().from(recordings).where(eq(recordings.userId, user.id));

describe("the peer address", () => {
  it("is the socket's, whatever the client claims in headers", async () => {
    const response = await fetch(`${app.url}/peer`, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.7" } });
    const { direct, behindProxy } = await response.json();
    expect(direct).toBe("127.0.0.1");
    // Behind a trusted proxy the proxy's X-Forwarded-For entry wins; without one, the socket.
    expect(behindProxy).toBe("198.51.100.7");
  });
});

describe("a slow upload", () => {
  it("succeeds while bytes keep arriving, although it takes longer than the total timeout", async () => {
    const { headers, chunks } = multipartUpload(audio, 4);
    const started = Date.now();
    const answer = await sendSlowly("/api/v1/audio/upload", headers, chunks, 1000);
    expect(Date.now() - started).toBeGreaterThan(totalTimeoutMs + 1000);
    expect(answer).toMatchObject({ status: 200 });
    const json = JSON.parse((answer as { body: string }).body);
    expect(json.file_size).toBe(audio.length);
    // Every byte came from the socket's own stream, which the server-level hook offered.
    expect(webBodiesRead).toEqual([false]);
  }, 30_000);

  it("is cut off once the client stops sending for the idle time, and leaves nothing staged", async () => {
    await app.settled();
    const before = { files: storedFiles().length, rows: (await rowsOfUser()).length };
    const { headers, chunks } = multipartUpload(audio, 4);
    const answer = await sendSlowly("/api/v1/audio/upload", headers, chunks.slice(0, 3), 200, true);
    expect(answer).toHaveProperty("error");
    const { afterMs } = answer as { afterMs: number };
    expect(afterMs).toBeGreaterThan(idleSeconds * 1000);
    expect(afterMs).toBeLessThan(idleSeconds * 1000 + 3000);
    await app.settled();
    expect(storedFiles()).toHaveLength(before.files);
    expect(await rowsOfUser()).toHaveLength(before.rows);
  }, 30_000);

  it("does not count the server's own time to answer as the client's idleness", async () => {
    const answer = await sendSlowly("/slow-answer", { "content-type": "application/json" }, [Buffer.from("{}")], 0);
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ ok: true }) });
  }, 30_000);
});

type Refusal = { answer: string; answeredAfterMs: number; finAfterMs: number | null; errorAfterMs: number | null; closedAfterMs: number };

/**
 * Keeps sending an upload of `contentLength` bytes that starts with `start`, 64 KiB every 5 ms, as a
 * client on a fast link would, and notes what the server does when.
 */
function sendRefusedUpload(contentLength: number, start = Buffer.alloc(0)): Promise<Refusal> {
  const url = new URL(app.url);
  return new Promise((resolve) => {
    // Half-open, as a client still sending its body is: the server's FIN does not stop its writes.
    const socket = connect({ port: Number(url.port), host: url.hostname, allowHalfOpen: true });
    const started = Date.now();
    const since = () => Date.now() - started;
    let answer = "";
    let answeredAfterMs = -1;
    let finAfterMs: number | null = null;
    let errorAfterMs: number | null = null;
    const chunk = Buffer.alloc(64 * 1024);
    const sending = setInterval(() => socket.writable && socket.write(chunk), 5);
    socket.on("connect", () => {
      socket.write(`POST /api/v1/audio/upload HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: ${user.authorization}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${contentLength}\r\n\r\n`);
      socket.write(start);
    });
    socket.on("data", (data: Buffer) => {
      if (!answer) answeredAfterMs = since();
      answer += data.toString();
    });
    socket.on("end", () => (finAfterMs ??= since()));
    socket.on("error", () => (errorAfterMs ??= since()));
    socket.on("close", () => {
      clearInterval(sending);
      resolve({ answer, answeredAfterMs, finAfterMs, errorAfterMs, closedAfterMs: since() });
    });
  });
}

/** Our FIN comes with the answer; the client's writes go on being read (no reset) until the linger ends. */
function expectLingeringClose(refusal: Refusal, status: number): void {
  expect(refusal.answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
  expect(refusal.answer).toMatch(/\r\nconnection: close\r\n/i);
  expect(refusal.finAfterMs! - refusal.answeredAfterMs).toBeLessThan(500);
  expect(refusal.errorAfterMs! - refusal.answeredAfterMs).toBeGreaterThan(LINGER_MS - 500);
  expect(refusal.closedAfterMs - refusal.answeredAfterMs).toBeLessThan(LINGER_MS + 3000);
}

describe("an upload refused before its body has arrived", () => {
  it("is answered, then the connection ends cleanly and keeps taking the body for a while, so a client still sending reads the answer", async () => {
    // Declared over the limit: refused before any of the body is read. Without the linger, the reset
    // came within milliseconds of the answer.
    expectLingeringClose(await sendRefusedUpload(1024 * 1024 * 1024), 413);
  }, 30_000);

  it("is the same when it is refused partway through the body, however much of it is still to come", async () => {
    // Within the limit, but its first part is not the file, and 8 MiB of it come at once: refused while
    // the body streams in. What followed the refusal used to be read only up to 1 MiB, which here
    // arrived before the answer was written, and the connection was reset.
    const part = '--x\r\nContent-Disposition: form-data; name="other"; filename="a.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n';
    expectLingeringClose(await sendRefusedUpload(49 * 1024 * 1024, Buffer.concat([Buffer.from(part), Buffer.alloc(8 * 1024 * 1024)])), 400);
  }, 30_000);
});
