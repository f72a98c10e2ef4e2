// `npm run bench:upload [-- --no-build] [--rounds=N]`: 5 concurrent 50 MB uploads to a production build,
// against a plain Node stream receiving the same bytes in the same run, N rounds (default 3) alternating
// the two. A benchmark, not a test: a missed target
// is printed as MISS and the exit code stays 0; only errors (a refused upload, a server that does not
// start) exit non-zero.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { MB, printUploadReport, type ServerTimings, type UploadPhase } from "./upload-report";
import { postFile, postMultipartFile, type HttpResult } from "./support/http-upload";
import { benchDataDir, prepareProductionBuild, startNextServer } from "./support/next-server";
import { measureRss } from "./support/process-rss";
import { spawnServer, type ServerProcess } from "./support/server-process";
import { signInWithDevSms } from "./support/sign-in";
import { writeWavFile } from "./support/wav-file";

const FILE_COUNT = 5;
const FILE_BYTES = 50 * MB;
const USAGE = "usage: npm run bench:upload [-- --no-build] [--rounds=N]";

function parseArgs(args: string[]): { build: boolean; rounds: number } {
  let build = true;
  let rounds = 3;
  for (const arg of args) {
    if (arg === "--no-build") build = false;
    else if (/^--rounds=[1-9]\d*$/.test(arg)) rounds = Number(arg.slice("--rounds=".length));
    else throw new Error(USAGE);
  }
  return { build, rounds };
}

async function main(): Promise<void> {
  const { build, rounds } = parseArgs(process.argv.slice(2));
  const appDir = prepareProductionBuild({ rebuild: build });

  mkdirSync(benchDataDir, { recursive: true });
  const runDir = mkdtempSync(path.join(benchDataDir, "upload-"));
  const fileDir = mkdtempSync(path.join(tmpdir(), "yozuv-bench-"));
  const servers: ServerProcess[] = [];
  // Once only, whoever asks first: the end of the run, or Ctrl-C (which can arrive twice: from the
  // terminal and relayed by tsx).
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const server of [...servers].reverse()) await server.stop();
      rmSync(fileDir, { recursive: true, force: true });
      rmSync(runDir, { recursive: true, force: true });
    })());
  // The servers run in their own process groups, so Ctrl-C does not reach them: stop them here.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
  try {
    console.error(`Writing ${FILE_COUNT} test files of ${FILE_BYTES / MB} MB in ${fileDir} ...`);
    const files = Array.from({ length: FILE_COUNT }, (_, i) => path.join(fileDir, `recording-${i + 1}.wav`));
    for (const file of files) writeWavFile(file, FILE_BYTES);
    const warmUpFile = path.join(fileDir, "warm-up.wav");
    writeWavFile(warmUpFile, 44 + 96_000); // one second

    console.error("Starting next start ...");
    // MAX_UPLOAD_MB=60 so 50 MB files fit; no embedded worker: transcribing would compete for the CPUs.
    // Nothing is transcribed, so every round's uploads stay queued: the per-user limit must not refuse them.
    const next = await startNextServer(appDir, runDir, { MAX_UPLOAD_MB: "60", EMBEDDED_WORKER: "false", MAX_QUEUED_TRANSCRIPTIONS_PER_USER: String(1 + FILE_COUNT * rounds) });
    servers.push(next.server);
    const authorization = await signInWithDevSms(next.url, next.server);
    const uploadToYozuv = (file: string) => postMultipartFile(`${next.url}/api/v1/audio/upload`, { authorization }, file);
    // The first upload loads the route's modules and starts the job queue: one-time costs, not per upload.
    expectCreated(await uploadToYozuv(warmUpFile), warmUpFile);

    const plainDir = path.join(runDir, "plain");
    mkdirSync(plainDir);
    const plain = spawnServer(process.execPath, [path.join(import.meta.dirname, "support/plain-upload-server.mjs"), plainDir], { cwd: runDir, env: process.env });
    servers.push(plain);
    const plainPort = await plain.waitForLine((line) => (/^\{"port":\d+\}$/.test(line) ? (JSON.parse(line) as { port: number }).port : undefined), 10_000);
    const uploadToPlain = (file: string) => postFile(`http://127.0.0.1:${plainPort}/`, file);
    expectCreated(await uploadToPlain(warmUpFile), warmUpFile);

    const yozuv: UploadPhase[] = [];
    const baseline: UploadPhase[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      console.error(`Round ${round}/${rounds}: uploading to Yozuv (pid ${next.servingPid}), then to the plain stream server (pid ${plain.pid}) ...`);
      const phase = await timeConcurrentUploads(next.servingPid, files, uploadToYozuv);
      yozuv.push({ ...phase, serverTimings: await serverTimingsOf(next.server, phase.results) });
      baseline.push(await timeConcurrentUploads(plain.pid, files, uploadToPlain));
    }
    printUploadReport({ fileCount: FILE_COUNT, fileBytes: FILE_BYTES, yozuv, plain: baseline });
  } finally {
    await cleanUp();
  }
}

/** All files at once; the time runs from the first request to the last answer, RSS is `pid`'s. */
async function timeConcurrentUploads(pid: number, files: string[], upload: (file: string) => Promise<HttpResult>): Promise<UploadPhase & { results: HttpResult[] }> {
  // Flush what earlier steps left to write back, so it does not slow this phase's disk writes, and let
  // the server settle before its "before" RSS is read.
  spawnSync("sync");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const started = performance.now();
  const { result, rss } = await measureRss(pid, () => Promise.all(files.map(async (file) => expectCreated(await upload(file), file))));
  const afterLastByteSeconds = result.reduce((sum, { sentAt, answeredAt }) => sum + (answeredAt - sentAt) / 1000, 0) / result.length;
  return { seconds: (performance.now() - started) / 1000, rss, afterLastByteSeconds, results: result };
}

/**
 * The server's own account of each upload (its "upload stored" log line, found by the recording's
 * id), averaged per phase over the round's uploads.
 */
async function serverTimingsOf(server: ServerProcess, results: HttpResult[]): Promise<ServerTimings> {
  const all = await Promise.all(
    results.map(({ body }) => {
      const { id } = JSON.parse(body) as { id: string };
      return server.waitForLine((line) => timingsIn(line, id), 10_000);
    }),
  );
  return Object.fromEntries(Object.keys(all[0]!).map((name) => [name, all.reduce((sum, timings) => sum + timings[name]!, 0) / all.length]));
}

function timingsIn(line: string, recordingId: string): ServerTimings | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const entry = JSON.parse(line) as { msg?: unknown; recordingId?: unknown; timings?: ServerTimings };
    return entry.msg === "upload stored" && entry.recordingId === recordingId ? entry.timings : undefined;
  } catch {
    return undefined;
  }
}

/** A 200 (201 from the plain server) whose file_size is the file's: anything else is an error, printed with the server's answer. */
function expectCreated(result: HttpResult, file: string): HttpResult {
  let size: unknown;
  try {
    size = (JSON.parse(result.body) as { file_size?: unknown }).file_size;
  } catch {
    size = undefined;
  }
  if ((result.status !== 200 && result.status !== 201) || size !== statSync(file).size) {
    throw new Error(`Upload of ${path.basename(file)} failed: HTTP ${result.status} ${result.body.slice(0, 500)}`);
  }
  return result;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
