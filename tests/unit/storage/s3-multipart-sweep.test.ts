import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createS3Storage } from "@/lib/storage/s3-storage";
import { startMultipartListingS3Server, type MultipartListingS3Server } from "../../support/multipart-listing-s3-server";

// s3rver answers NotImplemented to ListMultipartUploads, so the sweeper's abort of multipart uploads a
// killed process left open is tested against a server that speaks just that part of the API.
const bucket = "sweep-test";
const hour = 60 * 60 * 1000;
let server: MultipartListingS3Server | undefined;
let stagingDir: string | undefined;

afterEach(async () => {
  await server?.close();
  if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
});

function storageFor(endpoint: string) {
  stagingDir = mkdtempSync(path.join(tmpdir(), "yozuv-sweep-"));
  return createS3Storage({ bucket, region: "us-east-1", endpoint, accessKeyId: "test", secretAccessKey: "test", forcePathStyle: true, stagingDir });
}

describe("the S3 sweeper", () => {
  it("aborts multipart uploads open for longer than the limit, across listing pages, and keeps younger ones", async () => {
    const now = Date.now();
    const abandoned = Array.from({ length: 5 }, (_, i) => ({ key: `recording-${i}.mp3`, uploadId: `old-${i}`, initiated: new Date(now - 3 * hour) }));
    const inProgress = [
      { key: "recording-1.mp3", uploadId: "new-1", initiated: new Date(now - 60_000) },
      { key: "recording-9.mp3", uploadId: "new-9", initiated: new Date(now) },
    ];
    server = await startMultipartListingS3Server(bucket, [...abandoned, ...inProgress], 2);

    expect(await storageFor(server.endpoint).sweepStagedFiles(hour)).toBe(5);
    expect(server.open.map(({ uploadId }) => uploadId).sort()).toEqual(["new-1", "new-9"]);
    // Seven uploads in pages of two: four pages, each after the previous one's markers.
    expect(server.pagesAsked).toEqual([
      { keyMarker: null, uploadIdMarker: null },
      { keyMarker: "recording-1.mp3", uploadIdMarker: "new-1" },
      { keyMarker: "recording-2.mp3", uploadIdMarker: "old-2" },
      { keyMarker: "recording-4.mp3", uploadIdMarker: "old-4" },
    ]);
  });

  it("leaves everything when nothing is older than the limit", async () => {
    server = await startMultipartListingS3Server(bucket, [{ key: "a.mp3", uploadId: "u1", initiated: new Date() }], 1000);
    expect(await storageFor(server.endpoint).sweepStagedFiles(hour)).toBe(0);
    expect(server.open).toHaveLength(1);
  });
});
