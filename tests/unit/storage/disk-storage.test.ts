import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import { StoredFileNotFoundError, type FileStorage } from "@/lib/storage/file-storage";
import { InvalidStorageKeyError } from "@/lib/storage/storage-key";

let rootDir: string;
let storage: FileStorage;

beforeEach(() => {
  rootDir = path.join(mkdtempSync(path.join(tmpdir(), "yozuv-storage-")), "files");
  storage = createDiskStorage({ rootDir });
});

afterEach(() => {
  rmSync(path.dirname(rootDir), { recursive: true, force: true });
});

async function* failingAfter(chunks: string[], error: Error): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield Buffer.from(chunk);
  throw error;
}

function entriesOf(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe("disk storage put/get/stat/delete", () => {
  it("stores a stream and reads it back", async () => {
    await expect(storage.put("rec-1.mp3", Readable.from([Buffer.from("hello "), Buffer.from("world")]))).resolves.toEqual({ size: 11 });
    expect(await text(await storage.get("rec-1.mp3"))).toBe("hello world");
    const info = await storage.stat("rec-1.mp3");
    expect(info?.size).toBe(11);
    expect(info?.modifiedAt).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (info?.modifiedAt.getTime() ?? 0))).toBeLessThan(60_000);
  });

  it("accepts async iterables, string chunks and empty sources", async () => {
    async function* parts() {
      yield new Uint8Array([1, 2, 3]);
      yield new Uint8Array([4]);
    }
    await expect(storage.put("bytes", parts())).resolves.toEqual({ size: 4 });
    await expect(storage.put("letters", Readable.from(["ab", "c"]))).resolves.toEqual({ size: 3 });
    await expect(storage.put("nothing", Readable.from([]))).resolves.toEqual({ size: 0 });
    expect(await text(await storage.get("letters"))).toBe("abc");
    expect((await storage.stat("nothing"))?.size).toBe(0);
  });

  it("leaves nothing behind when the source fails", async () => {
    const failure = new Error("client went away");
    await expect(storage.put("rec-2.wav", failingAfter(["partial ", "data"], failure))).rejects.toBe(failure);
    expect(await storage.stat("rec-2.wav")).toBeNull();
    expect(entriesOf(rootDir)).toEqual([".tmp"]);
    expect(entriesOf(path.join(rootDir, ".tmp"))).toEqual([]);
  });

  it("keeps the previous file whole when a replacement fails", async () => {
    await storage.put("rec-3", Readable.from(["original"]));
    await expect(storage.put("rec-3", failingAfter(["replace"], new Error("boom")))).rejects.toThrow("boom");
    expect(await text(await storage.get("rec-3"))).toBe("original");
    await storage.put("rec-3", Readable.from(["replaced"]));
    expect(await text(await storage.get("rec-3"))).toBe("replaced");
  });

  it("shows nothing under the key until the upload is complete", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowSource() {
      yield Buffer.from("first half ");
      await gate;
      yield Buffer.from("second half");
    }
    const putting = storage.put("rec-4", slowSource());
    // Half the bytes are in the temp file (however busy the machine), and the key still shows nothing.
    await vi.waitFor(() => expect(entriesOf(path.join(rootDir, ".tmp"))).toHaveLength(1));
    expect(await storage.stat("rec-4")).toBeNull();
    release();
    await putting;
    expect(await text(await storage.get("rec-4"))).toBe("first half second half");
    expect(entriesOf(path.join(rootDir, ".tmp"))).toEqual([]);
  });

  it.each([
    [{ start: 0, end: 0 }, "0"],
    [{ start: 2, end: 5 }, "2345"],
    [{ start: 9, end: 9 }, "9"],
    [{ start: 0, end: 9 }, "0123456789"],
    [{ start: 7, end: 100 }, "789"],
  ])("reads the inclusive range %j", async (range, expected) => {
    await storage.put("digits", Readable.from(["0123456789"]));
    expect(await text(await storage.get("digits", range))).toBe(expected);
  });

  it.each([
    { start: -1, end: 3 },
    { start: 4, end: 3 },
    { start: 0.5, end: 3 },
    { start: 0, end: Number.NaN },
  ])("refuses the range %j", async (range) => {
    await storage.put("digits", Readable.from(["0123456789"]));
    await expect(storage.get("digits", range)).rejects.toThrow(RangeError);
  });

  it("reports a missing file as not found (404) on get, null on stat", async () => {
    const error = await storage.get("missing").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredFileNotFoundError);
    expect((error as StoredFileNotFoundError).status).toBe(404);
    expect((error as StoredFileNotFoundError).code).toBe("file_not_found");
    expect(await storage.stat("missing")).toBeNull();
  });

  it("deletes idempotently", async () => {
    await storage.put("gone", Readable.from(["x"]));
    await storage.delete("gone");
    expect(await storage.stat("gone")).toBeNull();
    await expect(storage.delete("gone")).resolves.toBeUndefined();
    await expect(storage.delete("never-existed")).resolves.toBeUndefined();
  });

  it("keeps files and folders private to the server's user", async () => {
    await storage.put("private.mp3", Readable.from(["secret"]));
    expect(statSync(path.join(rootDir, "private.mp3")).mode & 0o777).toBe(0o600);
    expect(statSync(rootDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(rootDir, ".tmp")).mode & 0o777).toBe(0o700);
    const staged = await storage.createStagedFile();
    expect(statSync(staged.path).mode & 0o777).toBe(0o600);
    await staged.discard();
  });
});

describe("disk storage keys", () => {
  const badKeys = [
    "",
    ".",
    "..",
    "../escape",
    "../../etc/passwd",
    "/etc/passwd",
    "a/b",
    "a\\b",
    "a\0b",
    "rec.mp3\0.txt",
    ".tmp",
    ".hidden",
    "a..b",
    "a.b.c",
    "a.",
    "UPPER.mp3",
    "a b",
    "é",
    "a".repeat(201),
  ];

  it.each(badKeys)("refuses %j everywhere", async (key) => {
    await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.stat(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.put(key, Readable.from(["x"]))).rejects.toThrow(InvalidStorageKeyError);
  });

  it("refuses a bad key before reading the source", async () => {
    let read = false;
    async function* source() {
      read = true;
      yield Buffer.from("x");
    }
    await expect(storage.put("../x", source())).rejects.toThrow(InvalidStorageKeyError);
    expect(read).toBe(false);
  });

  it.each(["a", "0", "rec-1", "0b5e3f2a-9c1d-4e6b-8f00-123456789abc.m4a", "x.opus", "a".repeat(200)])("accepts %j", async (key) => {
    await expect(storage.put(key, Readable.from(["x"]))).resolves.toEqual({ size: 1 });
    expect(entriesOf(rootDir)).toEqual([".tmp", key].sort());
  });

  it("cannot reach a file placed outside the root", async () => {
    writeFileSync(path.join(rootDir, "..", "outside"), "not yours");
    await expect(storage.stat("../outside")).rejects.toThrow(InvalidStorageKeyError);
  });
});

describe("disk storage staged files", () => {
  it("stages an upload, lets it be read in place, then commits it under a key", async () => {
    const staged = await storage.createStagedFile();
    expect(path.dirname(staged.path)).toBe(path.join(rootDir, ".tmp"));
    expect(staged.bytesWritten).toBe(0);
    await expect(staged.write(Readable.from(["abc", "def"]))).resolves.toBe(6);
    expect(staged.bytesWritten).toBe(6);
    expect(statSync(staged.path).size).toBe(6);
    await expect(staged.commit("rec-5.flac")).resolves.toEqual({ size: 6 });
    expect(() => statSync(staged.path)).toThrow(/ENOENT/);
    expect(await text(await storage.get("rec-5.flac"))).toBe("abcdef");
    await expect(staged.discard()).resolves.toBeUndefined();
    expect((await storage.stat("rec-5.flac"))?.size).toBe(6);
  });

  it("commits many uploads at once, each one settled only once its name is on disk", async () => {
    // Commits finishing together share directory fsyncs; none may resolve before its own rename.
    const names = Array.from({ length: 12 }, (_, i) => `rec-${i}.wav`);
    const staged = await Promise.all(names.map(() => storage.createStagedFile()));
    await Promise.all(staged.map((file, i) => file.write(Readable.from([`body ${i}`]))));
    await Promise.all(
      staged.map(async (file, i) => {
        await file.commit(names[i]!);
        expect(statSync(path.join(rootDir, names[i]!)).size).toBe(`body ${i}`.length);
      }),
    );
    for (const [i, name] of names.entries()) expect(await text(await storage.get(name))).toBe(`body ${i}`);
  });

  it("is written once and committed once", async () => {
    const staged = await storage.createStagedFile();
    await staged.write(Readable.from(["a"]));
    await expect(staged.write(Readable.from(["b"]))).rejects.toThrow(/once/);
    await staged.commit("first");
    await expect(staged.commit("second")).rejects.toThrow(/once/);
    expect(await storage.stat("second")).toBeNull();
  });

  it("keeps the staged file when the key is refused, so the caller can discard it", async () => {
    const staged = await storage.createStagedFile();
    await staged.write(Readable.from(["abc"]));
    await expect(staged.commit("../../x")).rejects.toThrow(InvalidStorageKeyError);
    expect(statSync(staged.path).size).toBe(3);
    await staged.discard();
    await staged.discard();
    expect(entriesOf(path.join(rootDir, ".tmp"))).toEqual([]);
  });

  it("discards a staged file whose write failed", async () => {
    const staged = await storage.createStagedFile();
    await expect(staged.write(failingAfter(["abc"], new Error("reset")))).rejects.toThrow("reset");
    await staged.discard();
    expect(entriesOf(path.join(rootDir, ".tmp"))).toEqual([]);
  });

  it("commits a staged file that was never written as an empty file", async () => {
    const staged = await storage.createStagedFile();
    await expect(staged.commit("empty")).resolves.toEqual({ size: 0 });
    expect((await storage.stat("empty"))?.size).toBe(0);
  });

  it("sweeps staged files older than an hour by default", async () => {
    const staged = await storage.createStagedFile();
    await expect(storage.sweepStagedFiles()).resolves.toBe(0);
    await expect(storage.sweepStagedFiles(0)).resolves.toBe(1);
    expect(() => statSync(staged.path)).toThrow(/ENOENT/);
    await expect(staged.discard()).resolves.toBeUndefined();
  });

  it("sweeps nothing before the first upload", async () => {
    await expect(storage.sweepStagedFiles(0)).resolves.toBe(0);
  });
});
