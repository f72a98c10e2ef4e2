// `npm run bench:memory [-- --no-build]`: resident memory of `npm start` (a production build) on the
// embedded PGlite and, with DATABASE_URL set, on PostgreSQL, side by side: after start-up, after a few
// sign-ins and requests (no transcription has loaded a model), and the peak. A benchmark, not a test:
// a missed target is printed as MISS and the exit code stays 0; only errors exit non-zero.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { availableParallelism, loadavg } from "node:os";
import postgres from "postgres";
import { benchDataDir, prepareProductionBuild, startNextServer, type NextServer } from "./support/next-server";
import { percentiles } from "./support/percentiles";
import { printTable } from "./support/print-table";
import { signInWithDevSms } from "./support/sign-in";

const MB = 1024 * 1024;
// The target: the embedded default fits a 1 GB VPS with room for a model.
const MAX_PGLITE_RSS_MB = 400;
const SIGN_INS = 3;
const REQUESTS = 20;
const SETTLE_MS = 3000;
const USAGE = "usage: npm run bench:memory [-- --no-build]   (DATABASE_URL=postgres://… adds PostgreSQL)";

type Measurement = { startSeconds: number; afterStartMb: number; afterSignInsMb: number; peakMb: number; meMs: number[]; listMs: number[] };

function parseArgs(args: string[]): { build: boolean } {
  let build = true;
  for (const arg of args) {
    if (arg === "--no-build") build = false;
    else throw new Error(USAGE);
  }
  return { build };
}

async function main(): Promise<void> {
  const { build } = parseArgs(process.argv.slice(2));
  const appDir = prepareProductionBuild({ rebuild: build });
  mkdirSync(benchDataDir, { recursive: true });

  console.error("PGlite: starting npm start on a fresh embedded database ...");
  const pglite = await measure(appDir, {});
  let postgresResult: Measurement | null = null;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratchName = `yozuv_bench_${randomBytes(4).toString("hex")}`;
    const scratchUrl = new URL(serverUrl);
    scratchUrl.pathname = `/${scratchName}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${scratchName}`);
    try {
      console.error(`PostgreSQL: starting npm start on the scratch database ${scratchName} ...`);
      postgresResult = await measure(appDir, { DATABASE_URL: scratchUrl.toString() });
    } finally {
      await admin.unsafe(`drop database if exists ${scratchName} with (force)`);
      await admin.end();
    }
  }
  printReport(pglite, postgresResult);
}

/** One server from a cold start: RSS settled after start-up, settled again after sign-ins and requests, and the peak. */
async function measure(appDir: string, extraEnv: Record<string, string>): Promise<Measurement> {
  const runDir = mkdtempSync(path.join(benchDataDir, "memory-"));
  let next: (NextServer & { startSeconds: number }) | undefined;
  try {
    next = await startNextServer(appDir, runDir, extraEnv);
    const { url, server, servingPid } = next;
    await sleep(SETTLE_MS);
    const afterStartMb = readStatusMb(servingPid, "VmRSS");
    const tokens: string[] = [];
    for (let i = 0; i < SIGN_INS; i += 1) tokens.push(await signInWithDevSms(url, server));
    const meMs = await timeRequests(`${url}/api/v1/users/me`, tokens[0]!);
    const listMs = await timeRequests(`${url}/api/v1/audio/list`, tokens[1]!);
    await sleep(SETTLE_MS);
    return { startSeconds: next.startSeconds, afterStartMb, afterSignInsMb: readStatusMb(servingPid, "VmRSS"), peakMb: readStatusMb(servingPid, "VmHWM"), meMs, listMs };
  } finally {
    await next?.server.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Sequential GETs, each timed to the end of its body; the first (route compilation, caches) is left out. */
async function timeRequests(url: string, authorization: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= REQUESTS; i += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization } });
    await response.text();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

/** The kernel's counters for the process (Linux): VmRSS now, VmHWM the peak since it started. */
function readStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
  return (Number(match[1]) * 1024) / MB;
}

function printReport(pglite: Measurement, pg: Measurement | null): void {
  const cell = (value: number | undefined, digits = 0) => (value === undefined ? "-" : value.toFixed(digits));
  const p50 = (values: number[] | undefined) => (values ? percentiles(values).p50 : undefined);
  const rows: string[][] = [
    ["", "PGlite (embedded)", "PostgreSQL"],
    ["start-up to healthy (s)", cell(pglite.startSeconds, 1), cell(pg?.startSeconds, 1)],
    ["RSS idle after start-up (MB)", cell(pglite.afterStartMb), cell(pg?.afterStartMb)],
    [`RSS idle after ${SIGN_INS} sign-ins (MB)`, cell(pglite.afterSignInsMb), cell(pg?.afterSignInsMb)],
    ["RSS peak, start-up included (MB)", cell(pglite.peakMb), cell(pg?.peakMb)],
    ["GET /users/me, median (ms)", cell(p50(pglite.meMs), 1), cell(p50(pg?.meMs), 1)],
    ["GET /audio/list, median (ms)", cell(p50(pglite.listMs), 1), cell(p50(pg?.listMs), 1)],
  ];
  const met = pglite.afterSignInsMb <= MAX_PGLITE_RSS_MB;
  console.log(`\nMemory benchmark: npm start (production build), fresh database, ${SIGN_INS} sign-ins and ${2 * REQUESTS} requests, no model loaded`);
  console.log(`(${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(2)}: other work on the machine makes the timings noisy)\n`);
  printTable(rows);
  console.log("");
  printTable([
    ["target", "measured", "wanted", ""],
    ["PGlite RSS after sign-ins", `${pglite.afterSignInsMb.toFixed(0)} MB`, `<= ${MAX_PGLITE_RSS_MB} MB`, met ? "PASS" : "MISS"],
  ]);
  if (!pg) console.log("\nPostgreSQL not measured: set DATABASE_URL (a server where a scratch database may be created and dropped).");
  console.log(met ? "\nAll targets met." : "\nMISS: PGlite RSS after sign-ins (a benchmark: reported, not failed)");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
