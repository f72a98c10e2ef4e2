import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * `npm run worker` as a real process: Node itself (not npx), so signals reach the worker and its exit
 * code is its own; in its own process group, so a test can kill it with everything it started. Every
 * path is absolute, so `cwd` can be any folder, empty or on another machine's disk for all it knows.
 */
export function spawnWorker(env: NodeJS.ProcessEnv, options: { cwd?: string } = {}): ChildProcess {
  const tsx = pathToFileURL(path.join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
  return spawn(process.execPath, ["--conditions=react-server", "--import", tsx, path.join(repoRoot, "scripts/worker.ts")], {
    // tsx looks for tsconfig.json (and the "@/" paths) in the working directory unless told.
    env: { ...env, TSX_TSCONFIG_PATH: path.join(repoRoot, "tsconfig.json") },
    cwd: options.cwd ?? repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}
