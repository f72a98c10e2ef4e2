import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { pgliteStartParams } from "@/db/client";
import { initializePgliteDir } from "@/db/initialize-pglite-dir";

const workDir = mkdtempSync(path.join(tmpdir(), "yozuv-initdb-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("initializePgliteDir", () => {
  it("creates the database in a thread of its own, ready for PGlite to open with the server's settings", async () => {
    // In a folder that does not exist yet either, as a fresh DATA_DIR's pglite folder.
    const dir = path.join(workDir, "fresh", "pglite");
    await initializePgliteDir(dir, pgliteStartParams());
    expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);

    const started = performance.now();
    // An existing database is left alone.
    await initializePgliteDir(dir, pgliteStartParams());
    expect(performance.now() - started).toBeLessThan(100);

    const db = new PGlite(dir, { startParams: pgliteStartParams() });
    try {
      expect((await db.query("show shared_buffers")).rows).toEqual([{ shared_buffers: "16MB" }]);
      expect((await db.query("select 1 + 1 as two")).rows).toEqual([{ two: 2 }]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("says which folder it could not create", async () => {
    const notAFolder = path.join(workDir, "file");
    writeFileSync(notAFolder, "");
    await expect(initializePgliteDir(path.join(notAFolder, "db"), pgliteStartParams())).rejects.toThrow(/Could not create the embedded database in .*file\/db/);
  }, 60_000);
});
