import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import type { FileStorage } from "@/lib/storage/file-storage";
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

// The behaviour every driver shares is in file-storage-contract.test.ts; this is what only the disk has.
describe("disk storage", () => {
  it("keeps files and folders private to the server's user", async () => {
    await storage.put("private.mp3", Readable.from(["secret"]));
    expect(statSync(path.join(rootDir, "private.mp3")).mode & 0o777).toBe(0o600);
    expect(statSync(rootDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(rootDir, ".tmp")).mode & 0o777).toBe(0o700);
    const staged = await storage.createStagedFile();
    expect(statSync(staged.path).mode & 0o777).toBe(0o600);
    await staged.discard();
  });

  it("cannot reach a file placed outside the root", async () => {
    writeFileSync(path.join(rootDir, "..", "outside"), "not yours");
    await expect(storage.stat("../outside")).rejects.toThrow(InvalidStorageKeyError);
  });

  it("reports the free space where the files are", async () => {
    await storage.put("any", Readable.from(["x"]));
    const description = await storage.describe();
    expect(description).toMatchObject({ driver: "disk", location: rootDir });
    expect(description.freeBytes).toBeGreaterThan(0);
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
});
