// `npm run soak -- [--url http://127.0.0.1:3000] [--seconds 180] [--clients 4] [--audio file]`:
// a bounded mixed load against a started server on this machine — sign-ins, uploads, title and segment
// edits, deletes, and a standalone worker killed and restarted — then checks that no transcription is
// stuck, no file is orphaned (or missing) on disk, and every acknowledged edit is stored. Exit code 1
// on any violation. Run it with the server's own environment (DATABASE_URL, UPLOAD_DIR, DATA_DIR):
// it reads the database and the upload folder to check, and needs PostgreSQL (the worker does too)
// and the development SMS sender (ALLOW_DEV_SMS=true) to read sign-in codes from /dev/sms.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { closeConnection, db } from "@/db/client";
import { recordings, transcriptSegments } from "@/db/schema";
import { env } from "@/lib/env";
import { workDir } from "@/lib/storage/work-dir";

const { values: options } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    seconds: { type: "string", default: "180" },
    clients: { type: "string", default: "4" },
    audio: { type: "string", default: path.resolve(import.meta.dirname, "../../shared/audio/jfk.mp3") },
    "settle-seconds": { type: "string", default: "120" },
  },
});
const base = new URL(options.url);
const seconds = Number(options.seconds);
const clientCount = Math.min(Number(options.clients), 8);
const audio = readFileSync(options.audio);

type Answer = { status: number; json: Record<string, unknown> | null; text: string };
type Client = { address: string; phone: string; token: string; refresh: string };
type Tracked = { id: string; storageKey: string; owner: Client; title?: string; segments: Map<number, string>; deleted: boolean };

const tracked: Tracked[] = [];
const counts: Record<string, number> = {};
const violations: string[] = [];
const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);

/** One HTTP call from a loopback address of its own, so each simulated client is its own IP to the server. */
function call(client: Pick<Client, "address"> & { token?: string }, method: string, pathname: string, body?: { json: unknown } | { form: FormData }): Promise<Answer> {
  return (async () => {
    const headers: Record<string, string> = {};
    let payload: Buffer | undefined;
    if (body && "json" in body) {
      headers["content-type"] = "application/json";
      payload = Buffer.from(JSON.stringify(body.json));
    } else if (body) {
      const encoded = new Response(body.form);
      headers["content-type"] = encoded.headers.get("content-type")!;
      payload = Buffer.from(await encoded.arrayBuffer());
    }
    if (client.token) headers.authorization = `Bearer ${client.token}`;
    if (payload) headers["content-length"] = String(payload.length);
    return new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(new URL(pathname, base), { method, headers, localAddress: client.address }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: Record<string, unknown> | null = null;
          try {
            json = JSON.parse(text);
          } catch {
            // Not JSON (the /dev/sms page): the text is enough.
          }
          resolve({ status: res.statusCode ?? 0, json, text });
        });
      });
      req.on("error", reject);
      req.end(payload);
    });
  })();
}

async function signIn(address: string, index: number): Promise<Client> {
  const phone = `+99899${String(Date.now() % 1e5).padStart(5, "0")}${index}${Math.floor(Math.random() * 10)}`;
  const sent = await call({ address }, "POST", "/api/v1/auth/send_otp", { json: { phone_number: phone } });
  if (sent.status !== 200) throw new Error(`send_otp for ${phone}: ${sent.status} ${sent.text}`);
  const page = await call({ address }, "GET", "/dev/sms");
  const code = new RegExp(`dev-sms-to">\\${phone}</span>[\\s\\S]*?dev-sms-body">[^<]*?(\\d{6})`).exec(page.text)?.[1];
  if (!code) throw new Error(`no code for ${phone} on /dev/sms (is the server using the development SMS sender?)`);
  const verified = await call({ address }, "POST", "/api/v1/auth/verify_otp", { json: { phone_number: phone, otp_code: code } });
  if (verified.status !== 200) throw new Error(`verify_otp for ${phone}: ${verified.status} ${verified.text}`);
  count("sign-in");
  return { address, phone, token: String(verified.json!.access_token), refresh: String(verified.json!.refresh_token) };
}

const pick = <T>(items: T[]): T | undefined => items[Math.floor(Math.random() * items.length)];

async function step(client: Client): Promise<void> {
  const own = tracked.filter((item) => item.owner === client && !item.deleted);
  const roll = Math.random();
  if (roll < 0.25 || own.length === 0) {
    const form = new FormData();
    form.append("title", `soak ${tracked.length}`);
    form.append("file", new Blob([audio]), path.basename(options.audio));
    const answer = await call(client, "POST", "/api/v1/audio/upload", { form });
    if (answer.status === 429) return void count("upload refused: queue full");
    if (answer.status !== 200) return void violations.push(`upload answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    tracked.push({ id: String(answer.json!.id), storageKey: String(answer.json!.file_name), owner: client, segments: new Map(), deleted: false });
    return void count("upload");
  }
  const target = pick(own)!;
  if (roll < 0.45) {
    const title = `soak title ${Math.random().toString(36).slice(2, 8)}`;
    const answer = await call(client, "PUT", `/api/v1/audio/${target.id}`, { json: { title } });
    if (answer.status !== 200) return void violations.push(`title edit of ${target.id} answered ${answer.status}`);
    target.title = title;
    return void count("title edit");
  }
  if (roll < 0.75) {
    const current = await call(client, "GET", `/api/v1/audio/${target.id}/segments`);
    const segments = (current.json?.segments as { index: number }[] | undefined) ?? [];
    const segment = pick(segments);
    if (!segment) return void count("segment edit skipped: no transcript yet");
    const text = `soak edit ${Math.random().toString(36).slice(2, 8)}`;
    const answer = await call(client, "PUT", `/api/v1/audio/${target.id}/segments/${segment.index}`, { json: { text, version: current.json!.version } });
    // A transcription finishing between the read and the write moves the version on: a refusal, not a loss.
    if (answer.status === 409) return void count("segment edit refused: version moved");
    if (answer.status !== 200) return void violations.push(`segment edit of ${target.id} answered ${answer.status}`);
    target.segments.set(segment.index, text);
    return void count("segment edit");
  }
  if (roll < 0.85) {
    const refreshed = await call(client, "POST", "/api/v1/auth/refresh", { json: { refresh_token: client.refresh } });
    if (refreshed.status !== 200) return void violations.push(`refresh answered ${refreshed.status}`);
    client.token = String(refreshed.json!.access_token);
    client.refresh = String(refreshed.json!.refresh_token);
    return void count("token refresh");
  }
  const answer = await call(client, "DELETE", `/api/v1/audio/${target.id}`);
  if (answer.status !== 200) return void violations.push(`delete of ${target.id} answered ${answer.status}`);
  target.deleted = true;
  count("delete");
}

function startWorker(): ChildProcess {
  count("worker start");
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "worker.ts")], { stdio: "ignore", env: process.env });
}

/** Kills the worker hard once and stops it cleanly once during the run, restarting it each time. */
async function runWorkerChurn(until: number): Promise<void> {
  let worker = startWorker();
  const restart = async (signal: NodeJS.Signals, at: number) => {
    await sleep(Math.max(0, at - Date.now()));
    await new Promise((resolve) => {
      worker.once("exit", resolve);
      worker.kill(signal);
    });
    count(`worker ${signal}`);
    worker = startWorker();
  };
  const span = until - Date.now();
  await restart("SIGKILL", Date.now() + span / 3);
  await restart("SIGTERM", Date.now() + span / 3);
  await sleep(Math.max(0, until - Date.now()));
  await new Promise((resolve) => {
    worker.once("exit", resolve);
    worker.kill("SIGTERM");
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function check(): Promise<void> {
  const ids = tracked.map((item) => item.id);
  // Every job must reach an end. A backlog is fine while it drains; stuck is no job finishing for the settle time.
  const settleMs = Number(options["settle-seconds"]) * 1000;
  let unfinished: { id: string; status: string }[] = [];
  let fewest = Infinity;
  let lastProgress = Date.now();
  for (;;) {
    const rows = ids.length ? await db.select({ id: recordings.id, status: recordings.transcriptionStatus }).from(recordings).where(inArray(recordings.id, ids)) : [];
    unfinished = rows.filter((row) => row.status === "pending" || row.status === "processing");
    if (unfinished.length < fewest) {
      fewest = unfinished.length;
      lastProgress = Date.now();
    }
    if (!unfinished.length || Date.now() - lastProgress >= settleMs) break;
    await sleep(2000);
  }
  for (const row of unfinished) violations.push(`recording ${row.id} is still ${row.status}: no transcription finished in the last ${options["settle-seconds"]} s`);

  const rows = ids.length ? await db.select().from(recordings).where(inArray(recordings.id, ids)) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const item of tracked) {
    const row = byId.get(item.id);
    const file = path.join(env.UPLOAD_DIR, item.storageKey);
    if (item.deleted) {
      if (row) violations.push(`deleted recording ${item.id} still has its row`);
      if (existsSync(file)) violations.push(`deleted recording ${item.id} still has its file`);
      continue;
    }
    if (!row) violations.push(`recording ${item.id} (acknowledged upload) has no row`);
    else if (item.title && row.title !== item.title) violations.push(`recording ${item.id}: title ${JSON.stringify(row.title)}, acknowledged ${JSON.stringify(item.title)}`);
    if (!existsSync(file)) violations.push(`recording ${item.id} has no file on disk`);
  }
  const edited = tracked.filter((item) => !item.deleted && item.segments.size);
  const segmentRows = edited.length ? await db.select().from(transcriptSegments).where(inArray(transcriptSegments.recordingId, edited.map((item) => item.id))) : [];
  for (const item of edited) {
    for (const [index, text] of item.segments) {
      const stored = segmentRows.find((row) => row.recordingId === item.id && row.index === index)?.text;
      if (stored !== text) violations.push(`recording ${item.id} segment ${index}: ${JSON.stringify(stored)}, acknowledged ${JSON.stringify(text)}`);
    }
  }

  // Orphans: any file in the upload folder or the work folder that no recording row names.
  const keys = new Set((await db.select({ key: recordings.storageKey }).from(recordings)).map((row) => row.key));
  for (const name of readdirSync(env.UPLOAD_DIR)) {
    if (name === ".tmp") continue;
    if (!keys.has(name)) violations.push(`orphaned file ${path.join(env.UPLOAD_DIR, name)}`);
  }
  const staged = existsSync(path.join(env.UPLOAD_DIR, ".tmp")) ? readdirSync(path.join(env.UPLOAD_DIR, ".tmp")) : [];
  for (const name of staged) violations.push(`staged file left behind: ${name}`);
  const copies = existsSync(workDir()) ? readdirSync(workDir()) : [];
  for (const item of tracked.filter((entry) => entry.deleted)) {
    for (const name of copies.filter((copy) => copy.startsWith(`${item.storageKey}.`))) violations.push(`work copy of deleted recording ${item.id}: ${name}`);
  }
}

async function main(): Promise<void> {
  if (!["127.0.0.1", "localhost", "[::1]"].includes(base.hostname)) throw new Error(`--url must be a loopback address, not ${base.hostname}`);
  if (!env.DATABASE_URL) throw new Error("the soak needs DATABASE_URL (the server's PostgreSQL): it restarts a standalone worker and reads the database to check");
  const until = Date.now() + seconds * 1000;
  const clients = await Promise.all(Array.from({ length: clientCount }, (_, i) => signIn(`127.0.0.${10 + i}`, i)));
  const churn = runWorkerChurn(until);
  await Promise.all(
    clients.map(async (client, i) => {
      while (Date.now() < until) {
        await step(client).catch((error: Error) => violations.push(`request failed: ${error.message}`));
        await sleep(100 + Math.random() * 400);
      }
      // Sign-ins are few on purpose: the per-IP and per-phone limits hold for the soak's clients too.
      if (i === 0) await signIn(client.address, clientCount).catch((error: Error) => violations.push(`late sign-in: ${error.message}`));
    }),
  );
  await churn;
  await check();
  console.log(JSON.stringify({ seconds, clients: clientCount, recordings: tracked.length, counts, violations }, null, 2));
  await closeConnection();
  process.exit(violations.length ? 1 : 0);
}

main().catch(async (error: Error) => {
  console.error(`soak: ${error.message}`);
  await closeConnection().catch(() => {});
  process.exit(2);
});
