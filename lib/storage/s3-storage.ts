import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { assertByteSpan } from "./byte-span";
import { StagedObjectTooLargeError, StoredFileNotFoundError, type ByteSource, type FileStorage, type StagedFile } from "./file-storage";
import { assertStorageKey } from "./storage-key";
import { stagedTempFile } from "./staged-temp-file";
import { createTempFile, sweepStaleTempFiles, type TempFile } from "./temp-files";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** A local folder for uploads being inspected before they go to the bucket. */
  stagingDir: string;
};

// Direct uploads land under this prefix; stored recordings are flat keys, which can never start with it.
const STAGING_PREFIX = "staging/";
const stagingKeyPattern = /^staging\/[0-9a-f-]{36}$/;
const PROBE_PREFIX = "probes/";
const ONE_HOUR_MS = 60 * 60 * 1000;
// S3 copies at most 5 GiB in one request; anything larger goes up again from the local copy.
const MAX_COPY_BYTES = 5 * 2 ** 30;

/**
 * Recordings as objects in an S3-compatible bucket (AWS S3, MinIO, R2, Garage), one per key. Uploads
 * are still staged and inspected in a local file (audio checks need random access) and then sent up
 * with a multipart upload, so an object under a key is always complete.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage {
  const { bucket, stagingDir } = options;
  const client = new S3Client(clientConfig(options));

  async function upload(key: string, body: Readable, contentType?: string): Promise<void> {
    // lib-storage aborts the multipart upload itself when the body fails (leavePartsOnError: false).
    await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body, ContentType: contentType } }).done();
  }

  async function headObject(key: string) {
    try {
      return await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async function deleteObject(key: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  }

  async function getObject(key: string, range?: { start: number; end: number }): Promise<Readable> {
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      const body = answer.Body as Readable;
      // Some stores answer a range with more than was asked for (s3rver ignores an end of 0); the
      // HTTP answer's Content-Length counts only the range, so never pass on more.
      const wanted = range ? range.end - range.start + 1 : undefined;
      return wanted !== undefined && (answer.ContentLength ?? 0) > wanted ? Readable.from(firstBytes(body, wanted)) : body;
    } catch (error) {
      if (isNotFound(error)) throw new StoredFileNotFoundError(key, error);
      throw error;
    }
  }

  /** A local file whose commit sends it to the bucket. */
  function stagedUpload(temp: TempFile): StagedFile {
    return stagedTempFile(temp, async (key, putOptions) => {
      await upload(key, createReadStream(temp.path), putOptions?.contentType);
      await temp.discard();
    });
  }

  /** The downloaded copy of a direct upload; committing moves the object itself, inside the bucket. */
  function stagedObject(stagingKey: string, temp: TempFile, size: number): StagedFile {
    let committed = false;
    return {
      path: temp.path,
      bytesWritten: size,
      write: () => Promise.reject(new Error("A direct upload is written by the client")),
      async commit(key, putOptions) {
        assertStorageKey(key);
        if (committed) throw new Error("A staged file is committed once");
        if (size <= MAX_COPY_BYTES) {
          await client.send(new CopyObjectCommand({ Bucket: bucket, Key: key, CopySource: `${bucket}/${stagingKey}`, ContentType: putOptions?.contentType, MetadataDirective: "REPLACE" }));
        } else {
          await upload(key, createReadStream(temp.path), putOptions?.contentType);
        }
        committed = true;
        await Promise.all([temp.discard(), deleteObject(stagingKey)]);
        return { size };
      },
      async discard() {
        await Promise.all([temp.discard(), committed ? undefined : deleteObject(stagingKey)]);
      },
    };
  }

  async function sweepStagingObjects(olderThanMs: number): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: STAGING_PREFIX, ContinuationToken: token }));
      for (const object of page.Contents ?? []) {
        if (!object.Key || !object.LastModified || Date.now() - object.LastModified.getTime() < olderThanMs) continue;
        await deleteObject(object.Key);
        removed += 1;
      }
      token = page.NextContinuationToken;
    } while (token);
    return removed;
  }

  /** Multipart uploads left open by a killed process keep their parts (and their cost) until aborted. */
  async function abortAbandonedMultipartUploads(olderThanMs: number): Promise<number> {
    let aborted = 0;
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      let page;
      try {
        page = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, ...markers }));
      } catch (error) {
        // Some S3-compatible stores (and s3rver, used in most tests) do not list multipart uploads.
        if (error instanceof S3ServiceException && error.name === "NotImplemented") return aborted;
        throw error;
      }
      for (const open of page.Uploads ?? []) {
        if (!open.Key || !open.UploadId || !open.Initiated || Date.now() - open.Initiated.getTime() < olderThanMs) continue;
        await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: open.Key, UploadId: open.UploadId }));
        aborted += 1;
      }
      if (!page.IsTruncated) return aborted;
      markers = { KeyMarker: page.NextKeyMarker, UploadIdMarker: page.NextUploadIdMarker };
    }
  }

  return {
    async put(key, source, putOptions) {
      assertStorageKey(key);
      let size = 0;
      const counter = new Transform({
        transform(chunk: Buffer | string, _encoding, done) {
          const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
          size += bytes.byteLength;
          done(null, bytes);
        },
      });
      const reading = pipeline(asReadable(source), counter);
      // A refused upload never reads the rest of the source: end it, so the reading side settles too.
      const sending = upload(key, counter, putOptions?.contentType).catch((error: unknown) => {
        counter.destroy(error as Error);
        throw error;
      });
      const [read, sent] = await Promise.allSettled([reading, sending]);
      // The source's own failure is the one worth reporting; the upload's is its consequence.
      if (read.status === "rejected") throw read.reason;
      if (sent.status === "rejected") throw sent.reason;
      return { size };
    },

    async get(key, range) {
      assertStorageKey(key);
      if (range) assertByteSpan(range);
      return getObject(key, range);
    },

    async stat(key) {
      assertStorageKey(key);
      const head = await headObject(key);
      return head ? { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) } : null;
    },

    async delete(key) {
      assertStorageKey(key);
      await deleteObject(key);
    },

    createStagedFile: async () => stagedUpload(await createTempFile(stagingDir)),

    async sweepStagedFiles(olderThanMs = ONE_HOUR_MS) {
      const local = await sweepStaleTempFiles(stagingDir, olderThanMs);
      return local + (await sweepStagingObjects(olderThanMs)) + (await abortAbandonedMultipartUploads(olderThanMs));
    },

    async checkWritable() {
      const key = `${PROBE_PREFIX}${randomUUID()}`;
      await upload(key, Readable.from([Buffer.from("ok")]));
      try {
        const head = await headObject(key);
        if (head?.ContentLength !== 2) throw new Error("The probe object did not read back");
      } finally {
        await deleteObject(key);
      }
    },

    describe: async () => ({ driver: "s3", location: `${options.endpoint ?? "https://s3.amazonaws.com"} bucket ${bucket}`, freeBytes: null }),

    directUploads: {
      async createTarget({ maxBytes, expiresInSeconds }) {
        const stagingKey = `${STAGING_PREFIX}${randomUUID()}`;
        const { url, fields } = await createPresignedPost(client, {
          Bucket: bucket,
          Key: stagingKey,
          Conditions: [["content-length-range", 1, maxBytes]],
          Expires: expiresInSeconds,
        });
        return { stagingKey, url, fields, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
      },

      async openStaged(stagingKey, maxBytes) {
        assertStagingKey(stagingKey);
        const head = await headObject(stagingKey);
        if (!head) return null;
        const size = head.ContentLength ?? 0;
        if (size > maxBytes) {
          await deleteObject(stagingKey);
          throw new StagedObjectTooLargeError(size);
        }
        const temp = await createTempFile(stagingDir);
        try {
          // The object may change after the HEAD; what counts is what was downloaded, so it is capped again.
          const written = await temp.write(capped(await getObject(stagingKey), maxBytes));
          return stagedObject(stagingKey, temp, written);
        } catch (error) {
          await temp.discard();
          if (error instanceof StagedObjectTooLargeError) await deleteObject(stagingKey);
          throw error;
        }
      },

      async discard(stagingKey) {
        assertStagingKey(stagingKey);
        await deleteObject(stagingKey);
      },
    },
  };
}

function clientConfig(options: S3StorageOptions): S3ClientConfig {
  return {
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default CRC checksums on every request are not understood by every S3-compatible store.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

function assertStagingKey(key: string): void {
  if (!stagingKeyPattern.test(key)) throw new Error(`Invalid staging key: ${JSON.stringify(key)}`);
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

function asReadable(source: ByteSource): Readable {
  return source instanceof Readable ? source : Readable.from(source);
}

async function* capped(source: Readable, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      source.destroy();
      throw new StagedObjectTooLargeError(total);
    }
    yield chunk;
  }
}

async function* firstBytes(source: Readable, count: number): AsyncGenerator<Uint8Array> {
  let left = count;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    yield chunk.subarray(0, left);
    left -= Math.min(left, chunk.byteLength);
    if (left === 0) break;
  }
  source.destroy();
}
