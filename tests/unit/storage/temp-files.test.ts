import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTempFile as createTempFileUnderTest, sweepStaleTempFiles, type TempFile } from "@/lib/storage/temp-files";

const minute = 60 * 1000;
let base: string;
let dir: string;
let created: TempFile[] = [];

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), "yozuv-temp-"));
  dir = path.join(base, "nested", "tmp");
});

afterEach(async () => {
  await Promise.all(created.map((temp) => temp.discard()));
  created = [];
  rmSync(base, { recursive: true, force: true });
});

/** Tracks every temp file so each test closes the handles it opened. */
async function createTempFile(inDir: string): Promise<TempFile> {
  const temp = await createTempFileUnderTest(inDir);
  created.push(temp);
  return temp;
}

/** Backdates a file's modification time by `ageMs`, relative to `now`. */
function age(filePath: string, ageMs: number, now: number): void {
  const when = new Date(now - ageMs);
  utimesSync(filePath, when, when);
}

describe("createTempFile", () => {
  it("creates a private, empty, uniquely named file, making its folder private too", async () => {
    const first = await createTempFile(dir);
    const second = await createTempFile(dir);
    expect(first.path).not.toBe(second.path);
    expect(path.basename(first.path)).toMatch(/^[0-9a-f]{32}\.part$/);
    expect(statSync(first.path).size).toBe(0);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("writes every byte of a large, chunked source", async () => {
    const temp = await createTempFile(dir);
    const chunks = Array.from({ length: 64 }, (_, index) => Buffer.alloc(64 * 1024, index));
    await expect(temp.write(Readable.from(chunks))).resolves.toBe(64 * 64 * 1024);
    const content = readFileSync(temp.path);
    expect(content.length).toBe(64 * 64 * 1024);
    expect(content[64 * 1024 * 10]).toBe(10);
    expect(content.at(-1)).toBe(63);
  });

  it("deletes the file on discard, repeatedly without error", async () => {
    const temp = await createTempFile(dir);
    await temp.discard();
    await temp.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("sweepStaleTempFiles", () => {
  it("removes temp files older than the limit and keeps younger ones", async () => {
    const now = Date.now();
    const old = await createTempFile(dir);
    const fresh = await createTempFile(dir);
    age(old.path, 61 * minute, now);
    age(fresh.path, 59 * minute, now);
    await expect(sweepStaleTempFiles(dir, undefined, now)).resolves.toBe(1);
    expect(readdirSync(dir)).toEqual([path.basename(fresh.path)]);
  });

  it("takes the age limit as an argument", async () => {
    const now = Date.now();
    const temp = await createTempFile(dir);
    age(temp.path, 10 * minute, now);
    await expect(sweepStaleTempFiles(dir, 11 * minute, now)).resolves.toBe(0);
    await expect(sweepStaleTempFiles(dir, 9 * minute, now)).resolves.toBe(1);
  });

  it("judges age by the last write, so an upload still in progress stays", async () => {
    const now = Date.now();
    const temp = await createTempFile(dir);
    age(temp.path, 2 * 60 * minute, now);
    await temp.write(Readable.from(["more bytes"]));
    await expect(sweepStaleTempFiles(dir, 60 * minute)).resolves.toBe(0);
  });

  it("leaves alone anything it did not create", async () => {
    const now = Date.now();
    mkdirSync(dir, { recursive: true });
    const foreign = ["notes.txt", "ABCDEF0123456789ABCDEF0123456789.part", "0123456789abcdef0123456789abcdef.part.bak"];
    for (const name of foreign) {
      writeFileSync(path.join(dir, name), "keep");
      age(path.join(dir, name), 24 * 60 * minute, now);
    }
    mkdirSync(path.join(dir, "0123456789abcdef0123456789abcdef.part"));
    await expect(sweepStaleTempFiles(dir, minute, now)).resolves.toBe(0);
    expect(readdirSync(dir)).toHaveLength(4);
  });

  it("treats a missing folder as empty", async () => {
    await expect(sweepStaleTempFiles(path.join(dir, "absent"))).resolves.toBe(0);
  });
});
