import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { findListeningProcess } from "./listening-process";
import { spawnServer, type ServerProcess } from "./server-process";

export type NextServer = { url: string; server: ServerProcess; /** the process that serves requests */ servingPid: number };

const repoRoot = path.resolve(import.meta.dirname, "../..");
/** Where benchmarks build and run the app: ignored by git, ESLint and tsc. */
export const benchDataDir = path.join(repoRoot, ".data/bench");
const buildDir = path.join(benchDataDir, "build");
const nextBin = path.join(repoRoot, "node_modules/next/dist/bin/next");

/**
 * A production build of the working tree, in a copy of it under .data/bench/build rather than in the
 * repository's own .next: the end-to-end tests and people's own `next start` use that one, and a build
 * must not pull it from under a running server (or collide with another build). The copy leaves out
 * package-lock.json so Turbopack takes the repository as its root and resolves node_modules there.
 * With `rebuild: false` the previous copy's build is used as it is.
 */
export function prepareProductionBuild({ rebuild }: { rebuild: boolean }): string {
  if (!rebuild) {
    if (!existsSync(path.join(buildDir, ".next/BUILD_ID"))) throw new Error(`--no-build: no build in ${buildDir} yet; run once without it`);
    return buildDir;
  }
  mkdirSync(buildDir, { recursive: true });
  for (const entry of readdirSync(buildDir)) if (entry !== ".next") rmSync(path.join(buildDir, entry), { recursive: true, force: true });
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
  for (const file of files.split("\0")) {
    const source = path.join(repoRoot, file);
    // Deleted-but-tracked files are still listed by --cached.
    if (!file || file === "package-lock.json" || !existsSync(source)) continue;
    mkdirSync(path.dirname(path.join(buildDir, file)), { recursive: true });
    copyFileSync(source, path.join(buildDir, file));
  }
  console.error(`Building the app (next build in ${path.relative(repoRoot, buildDir)}) ...`);
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: buildDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status ?? build.signal})`);
  return buildDir;
}

/**
 * `next start` on a free loopback port with a fresh embedded database and upload folder in `runDir`,
 * configured like scripts/e2e-server.sh (development SMS sender, so the benchmark can sign in), then
 * waits until /api/health answers.
 */
export async function startNextServer(appDir: string, runDir: string, extraEnv: Record<string, string>): Promise<NextServer & { startSeconds: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: runDir,
    PGLITE_DIR: path.join(runDir, "pglite"),
    UPLOAD_DIR: path.join(runDir, "uploads"),
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
    ALLOW_DEV_SMS: "true",
    LOG_LEVEL: "info",
  };
  // Whatever the caller's shell has would send SMS, use another database or call OpenAI (a database
  // the caller means comes in extraEnv); npm_ variables are npm's own, for the start script to set.
  for (const name of Object.keys(env)) if (/^(DATABASE_URL|TWILIO_|OPENAI_|PORT$|NODE_OPTIONS$|MALLOC_|npm_)/.test(name)) delete env[name];
  Object.assign(env, extraEnv);

  // `next start` on the copy's build with what `npm start` (scripts/start.sh) sets for the standalone
  // server, MALLOC_ARENA_MAX included: the copy's standalone bundle sits under the repository's path
  // (its tracing root), so start.sh would not find it there.
  env.MALLOC_ARENA_MAX = "2";
  const server = spawnServer(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: appDir, env });
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  try {
    await waitForHealth(url, server, 120_000);
    return { url, server, servingPid: findListeningProcess(server.pid, port), startSeconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function waitForHealth(url: string, server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Fail at once, with the server's last words, if it exits instead of starting.
    if (server.hasExited()) throw new Error(`The server exited while starting. Last lines:\n${server.tail()}`);
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy in ${timeoutMs / 1000}s. Last lines:\n${server.tail()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
