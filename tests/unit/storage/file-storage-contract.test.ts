import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiskStorage } from "@/lib/storage/disk-storage";
import { StagedObjectTooLargeError, StoredFileNotFoundError, type FileStorage } from "@/lib/storage/file-storage";
import { createS3Storage } from "@/lib/storage/s3-storage";
import { InvalidStorageKeyError } from "@/lib/storage/storage-key";
import { startTestS3Server, testS3Client, type TestS3Server } from "@/tests/support/s3-server";

/** One store under test, fresh for each test: the storage, its local staging folder, and what it holds. */
type Subject = { storage: FileStorage; stagingDir: string; storedKeys(): Promise<string[]>; s3?: { client: S3Client; bucket: string } };

let s3Server: TestS3Server;
let scratch: string;
let bucketCount = 0;

beforeAll(async () => {
  s3Server = await startTestS3Server();
});
afterAll(async () => {
  await s3Server.close();
});
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "yozuv-storage-"));
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const drivers: [string, () => Promise<Subject>][] = [
  [
    "disk",
    async () => {
      const rootDir = path.join(scratch, "files");
      const storage = createDiskStorage({ rootDir });
      return { storage, stagingDir: path.join(rootDir, ".tmp"), storedKeys: async () => entriesOf(rootDir).filter((name) => name !== ".tmp") };
    },
  ],
  [
    "s3",
    async () => {
      const { env } = s3Server;
      const client = testS3Client(env);
      // A bucket per test keeps tests from seeing each other's objects.
      const bucket = `contract-${++bucketCount}`;
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const stagingDir = path.join(scratch, "staging");
      const storage = createS3Storage({ bucket, region: env.S3_REGION, endpoint: env.S3_ENDPOINT, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY, forcePathStyle: true, stagingDir });
      const storedKeys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((object) => object.Key!).sort();
      return { storage, stagingDir, storedKeys, s3: { client, bucket } };
    },
  ],
];

async function* failingAfter(chunks: string[], error: Error): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield Buffer.from(chunk);
  throw error;
}

function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

describe.each(drivers)("%s storage", (_name, create) => {
  let subject: Subject;
  let storage: FileStorage;
  beforeEach(async () => {
    subject = await create();
    storage = subject.storage;
  });

  describe("put/get/stat/delete", () => {
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

    it("stores a file larger than one multipart part whole", async () => {
      // 5 MiB is S3's smallest part: this goes up as a multipart upload of two parts.
      const big = Buffer.alloc(5 * 2 ** 20 + 4096, 7);
      big.write("end", big.length - 3);
      await expect(storage.put("big.wav", Readable.from([big.subarray(0, 3 * 2 ** 20), big.subarray(3 * 2 ** 20)]))).resolves.toEqual({ size: big.length });
      expect((await storage.stat("big.wav"))?.size).toBe(big.length);
      expect(await text(await storage.get("big.wav", { start: big.length - 3, end: big.length - 1 }))).toBe("end");
    });

    it("leaves nothing behind when the source fails", async () => {
      const failure = new Error("client went away");
      await expect(storage.put("rec-2.wav", failingAfter(["partial ", "data"], failure))).rejects.toBe(failure);
      expect(await storage.stat("rec-2.wav")).toBeNull();
      expect(await subject.storedKeys()).toEqual([]);
      expect(entriesOf(subject.stagingDir)).toEqual([]);
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
      let halfRead = false;
      async function* slowSource() {
        yield Buffer.from("first half ");
        halfRead = true;
        await gate;
        yield Buffer.from("second half");
      }
      const putting = storage.put("rec-4", slowSource());
      await vi.waitFor(() => expect(halfRead).toBe(true));
      expect(await storage.stat("rec-4")).toBeNull();
      release();
      await putting;
      expect(await text(await storage.get("rec-4"))).toBe("first half second half");
      expect(entriesOf(subject.stagingDir)).toEqual([]);
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
      expect(await subject.storedKeys()).toEqual([]);
    });

    it("checks that it can write, leaving nothing behind", async () => {
      await expect(storage.checkWritable()).resolves.toBeUndefined();
      expect(await subject.storedKeys()).toEqual([]);
      expect(entriesOf(subject.stagingDir)).toEqual([]);
    });

    it("describes itself without secrets", async () => {
      const description = await storage.describe();
      expect(["disk", "s3"]).toContain(description.driver);
      expect(description.location).not.toMatch(/S3RVER/);
    });
  });

  describe("keys", () => {
    const badKeys = ["", ".", "..", "../escape", "../../etc/passwd", "/etc/passwd", "a/b", "a\\b", "a\0b", "rec.mp3\0.txt", ".tmp", ".hidden", "a..b", "a.b.c", "a.", "UPPER.mp3", "a b", "é", "staging/x", "a".repeat(201)];

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
      expect(await subject.storedKeys()).toEqual([key]);
    });
  });

  describe("staged files", () => {
    it("stages an upload, lets it be read in place, then commits it under a key", async () => {
      const staged = await storage.createStagedFile();
      expect(path.dirname(staged.path)).toBe(subject.stagingDir);
      expect(staged.bytesWritten).toBe(0);
      await expect(staged.write(Readable.from(["abc", "def"]))).resolves.toBe(6);
      expect(staged.bytesWritten).toBe(6);
      expect(statSync(staged.path).size).toBe(6);
      expect(await subject.storedKeys()).toEqual([]);
      await expect(staged.commit("rec-5.flac", { contentType: "audio/flac" })).resolves.toEqual({ size: 6 });
      expect(() => statSync(staged.path)).toThrow(/ENOENT/);
      expect(await text(await storage.get("rec-5.flac"))).toBe("abcdef");
      await expect(staged.discard()).resolves.toBeUndefined();
      expect((await storage.stat("rec-5.flac"))?.size).toBe(6);
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
      expect(entriesOf(subject.stagingDir)).toEqual([]);
    });

    it("discards a staged file whose write failed", async () => {
      const staged = await storage.createStagedFile();
      await expect(staged.write(failingAfter(["abc"], new Error("reset")))).rejects.toThrow("reset");
      await staged.discard();
      expect(entriesOf(subject.stagingDir)).toEqual([]);
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

  describe("direct uploads", () => {
    it("are offered by object stores only", () => {
      expect(storage.directUploads === null).toBe(subject.s3 === undefined);
    });

    it("take a browser-style POST, then stage, commit and sweep like any upload", async ({ skip }) => {
      const direct = storage.directUploads;
      if (!direct) return skip("the local disk takes no direct uploads");
      const target = await direct.createTarget({ maxBytes: 1000, expiresInSeconds: 600 });
      expect(target.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(600_000);
      expect(await direct.openStaged(target.stagingKey, 1000)).toBeNull();

      const form = new FormData();
      for (const [name, value] of Object.entries(target.fields)) form.append(name, value);
      form.append("file", new Blob(["direct bytes"]), "clip.mp3");
      const answer = await fetch(target.url, { method: "POST", body: form });
      expect(answer.status).toBe(204);
      expect(await subject.storedKeys()).toEqual([target.stagingKey]);

      const staged = await direct.openStaged(target.stagingKey, 1000);
      expect(staged?.bytesWritten).toBe(12);
      expect(statSync(staged!.path).size).toBe(12);
      await staged!.commit("direct.mp3", { contentType: "audio/mpeg" });
      expect(await subject.storedKeys()).toEqual(["direct.mp3"]);
      expect(await text(await storage.get("direct.mp3"))).toBe("direct bytes");
      expect(entriesOf(subject.stagingDir)).toEqual([]);
    });

    it("delete a staged object that is too large, or discarded", async ({ skip }) => {
      const direct = storage.directUploads;
      if (!direct || !subject.s3) return skip("the local disk takes no direct uploads");
      const { client, bucket } = subject.s3;
      const [tooBig, unwanted] = await Promise.all([direct.createTarget({ maxBytes: 5, expiresInSeconds: 60 }), direct.createTarget({ maxBytes: 5, expiresInSeconds: 60 })]);
      // Stores that ignore the policy's content-length-range still cannot slip a large file past openStaged.
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: tooBig.stagingKey, Body: "too many bytes" }));
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: unwanted.stagingKey, Body: "abc" }));
      await expect(direct.openStaged(tooBig.stagingKey, 5)).rejects.toThrow(StagedObjectTooLargeError);
      const staged = await direct.openStaged(unwanted.stagingKey, 5);
      await staged!.discard();
      expect(await subject.storedKeys()).toEqual([]);
      expect(entriesOf(subject.stagingDir)).toEqual([]);
      await expect(direct.openStaged("../etc", 5)).rejects.toThrow(/Invalid staging key/);
    });

    it("leave abandoned staging objects to the sweeper", async ({ skip }) => {
      const direct = storage.directUploads;
      if (!direct || !subject.s3) return skip("the local disk takes no direct uploads");
      const target = await direct.createTarget({ maxBytes: 5, expiresInSeconds: 60 });
      await subject.s3.client.send(new PutObjectCommand({ Bucket: subject.s3.bucket, Key: target.stagingKey, Body: "abc" }));
      await storage.put("kept", Readable.from(["x"]));
      await expect(storage.sweepStagedFiles()).resolves.toBe(0);
      await expect(storage.sweepStagedFiles(0)).resolves.toBe(1);
      expect(await subject.storedKeys()).toEqual(["kept"]);
    });
  });
});
