import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sharedAudio } from "./support/recordings";
import { newClientIp, newPhoneDigits, readCodeFromDevSms } from "./support/sign-in";

// What only a real `next start` shows: the HTTP framing of /api/v1 answers (lengths, keep-alive) and
// CORS preflights, which the proxy answers. Raw node:http, so nothing between us and the wire
// (fetch would hide framing and reconnect on its own). CORS_ORIGINS is set in scripts/e2e-server.sh.
const allowedOrigin = "http://client.example";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; socket: unknown };

function send(baseURL: string, agent: http.Agent, options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(options.path, baseURL), { method: options.method ?? "GET", agent, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks), socket: request.socket }));
    });
    // A refused upload is answered, then the server closes while the rest of the body is still being
    // written: that write's EPIPE is expected once the answer has arrived, and is not a failure.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.on("response", () => (answered = true));
    let answered = false;
    request.end(options.body);
  });
}

function multipart(parts: { name: string; filename?: string; type?: string; data: Buffer }[]): { body: Buffer; contentType: string } {
  const boundary = `----yozuv${Math.random().toString(16).slice(2)}`;
  const pieces = parts.flatMap((part) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ""}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`),
    part.data,
    Buffer.from("\r\n"),
  ]);
  return { body: Buffer.concat([...pieces, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function accessToken(page: Page, baseURL: string): Promise<string> {
  const phone = `+998${newPhoneDigits()}`;
  const agent = new http.Agent();
  const client = newClientIp();
  const json = (data: unknown) => ({ method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": client }, body: Buffer.from(JSON.stringify(data)) });
  expect((await send(baseURL, agent, { path: "/api/v1/auth/send_otp", ...json({ phone_number: phone }) })).status).toBe(200);
  const verified = await send(baseURL, agent, { path: "/api/v1/auth/verify_otp", ...json({ phone_number: phone, otp_code: await readCodeFromDevSms(page, phone) }) });
  expect(verified.status).toBe(200);
  return JSON.parse(verified.body.toString()).access_token as string;
}

test("the audio file answers carry Content-Length (200, 206, HEAD) and a sandbox CSP", async ({ page, baseURL }) => {
  const authorization = `Bearer ${await accessToken(page, baseURL!)}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const audio = readFileSync(path.join(sharedAudio, "jfk.mp3"));
  const form = multipart([{ name: "file", filename: "jfk.mp3", type: "audio/mpeg", data: audio }]);
  const uploaded = await send(baseURL!, agent, { method: "POST", path: "/api/v1/audio/upload", headers: { authorization, "content-type": form.contentType }, body: form.body });
  expect(uploaded.status).toBe(200);
  const { id } = JSON.parse(uploaded.body.toString());

  const whole = await send(baseURL!, agent, { path: `/api/v1/audio/${id}/file`, headers: { authorization } });
  expect(whole.status).toBe(200);
  expect(whole.headers["transfer-encoding"]).toBeUndefined();
  expect(whole.headers["content-length"]).toBe(String(audio.length));
  expect(whole.body.equals(audio)).toBe(true);
  expect(whole.headers["content-security-policy"]).toBe("sandbox");
  expect(whole.headers["x-yozuv-content-length"]).toBeUndefined();

  const part = await send(baseURL!, agent, { path: `/api/v1/audio/file/${id}`, headers: { authorization, range: "bytes=100-1099" } });
  expect(part.status).toBe(206);
  expect(part.headers["content-length"]).toBe("1000");
  expect(part.headers["content-range"]).toBe(`bytes 100-1099/${audio.length}`);
  expect(part.body.equals(audio.subarray(100, 1100))).toBe(true);

  const head = await send(baseURL!, agent, { method: "HEAD", path: `/api/v1/audio/${id}/file`, headers: { authorization } });
  expect(head.status).toBe(200);
  expect(head.headers["content-length"]).toBe(String(audio.length));
  const headRange = await send(baseURL!, agent, { method: "HEAD", path: `/api/v1/audio/${id}/file`, headers: { authorization, range: "bytes=0-9" } });
  expect([headRange.status, headRange.headers["content-length"]]).toEqual([206, "10"]);
});

test("a client's next request on a keep-alive connection succeeds after an upload is refused early", async ({ page, baseURL }) => {
  const authorization = `Bearer ${await accessToken(page, baseURL!)}`;
  const audio = readFileSync(path.join(sharedAudio, "jfk.mp3"));
  const refusals = [
    { expected: 400, ...multipart([{ name: "file", filename: "a.mp3", type: "audio/mpeg", data: audio }, { name: "file", filename: "b.mp3", type: "audio/mpeg", data: audio }]) },
    { expected: 415, ...multipart([{ name: "file", filename: "notes.txt", type: "text/plain", data: Buffer.alloc(200_000, "not audio ") }]) },
    { expected: 415, body: audio, contentType: "audio/mpeg" },
    // Larger than MAX_UPLOAD_MB (50): refused from its declared length, before any of it is read.
    { expected: 413, ...multipart([{ name: "file", filename: "big.mp3", type: "audio/mpeg", data: Buffer.alloc(51 * 1024 * 1024) }]) },
  ];
  for (const refusal of refusals) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send(baseURL!, agent, { method: "POST", path: "/api/v1/audio/upload", headers: { authorization, "content-type": refusal.contentType }, body: refusal.body }).catch((error: Error) => {
      throw new Error(`The upload to be refused with ${refusal.expected} got no answer: ${error.message}`);
    });
    expect(refused.status).toBe(refusal.expected);
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: { code: expect.any(String) }, detail: expect.any(String) });
    for (let attempt = 0; attempt < 3; attempt++) {
      const next = await send(baseURL!, agent, { path: "/api/v1/users/me", headers: { authorization } });
      expect(next.status).toBe(200);
    }
    agent.destroy();
  }
});

test("CORS: allowed origins get preflights and readable answers, others get nothing", async ({ page, baseURL }) => {
  const authorization = `Bearer ${await accessToken(page, baseURL!)}`;
  const agent = new http.Agent();
  const preflight = await send(baseURL!, agent, {
    method: "OPTIONS",
    path: "/api/v1/audio/list",
    headers: { origin: allowedOrigin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers["access-control-allow-origin"]).toBe(allowedOrigin);
  expect(preflight.headers["access-control-allow-methods"]).toContain("PUT");
  expect(preflight.headers["access-control-allow-headers"]).toMatch(/authorization/i);
  expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
  expect(preflight.headers.vary).toMatch(/origin/i);

  const actual = await send(baseURL!, agent, { path: "/api/v1/users/me", headers: { authorization, origin: allowedOrigin } });
  expect(actual.status).toBe(200);
  expect(actual.headers["access-control-allow-origin"]).toBe(allowedOrigin);
  expect(actual.headers["access-control-expose-headers"]).toMatch(/content-length/i);
  expect(actual.headers["access-control-allow-credentials"]).toBeUndefined();
  const refused = await send(baseURL!, agent, { path: "/api/v1/users/me", headers: { origin: allowedOrigin } });
  expect([refused.status, refused.headers["access-control-allow-origin"]]).toEqual([401, allowedOrigin]);

  const stranger = await send(baseURL!, agent, { method: "OPTIONS", path: "/api/v1/audio/list", headers: { origin: "http://evil.example", "access-control-request-method": "GET" } });
  expect(stranger.headers["access-control-allow-origin"]).toBeUndefined();
  const strangerActual = await send(baseURL!, agent, { path: "/api/v1/users/me", headers: { authorization, origin: "http://evil.example" } });
  expect(strangerActual.headers["access-control-allow-origin"]).toBeUndefined();
});
