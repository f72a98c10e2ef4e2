import "server-only";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

// CommonJS run by Node itself (eval), so the bundler leaves it alone and `require` finds PGlite in
// node_modules from the working directory, as the server's own external import does.
const initdbScript = `
const { parentPort, workerData } = require("node:worker_threads");
const { PGlite } = require("@electric-sql/pglite");
(async () => {
  const db = new PGlite(workerData.dir, { startParams: workerData.startParams });
  await db.waitReady;
  await db.close();
})().then(() => parentPort.postMessage({ ok: true }), (error) => parentPort.postMessage({ ok: false, message: String(error && error.stack || error) }));
`;

/**
 * Creates a new embedded database folder (PGlite's initdb) in a worker thread that exits afterwards.
 * Done in the server's own thread, initdb runs a second PGlite instance whose WebAssembly memory
 * (hundreds of MB) stays resident until a major garbage collection happens to come, often never on
 * an idle server; a finished thread's memory is returned at once. A folder that already holds a
 * database, and `memory://`, are left to PGlite.
 */
export async function initializePgliteDir(dir: string, startParams: string[]): Promise<void> {
  if (dir.startsWith("memory://") || existsSync(path.join(dir, "PG_VERSION"))) return;
  // PGlite makes the folder itself but not its parents (a fresh DATA_DIR has none).
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new Error(`Could not create the embedded database in ${dir}: ${String(error)}`, { cause: error });
  }
  const worker = new Worker(initdbScript, { eval: true, workerData: { dir, startParams } });
  await new Promise<void>((resolve, reject) => {
    let result: { ok: boolean; message?: string } | undefined;
    worker.once("message", (message: { ok: boolean; message?: string }) => {
      result = message;
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (result?.ok) resolve();
      else reject(new Error(`Could not create the embedded database in ${dir}: ${result?.message ?? `the thread exited (code ${code})`}`));
    });
  });
}
