import { readdirSync } from "node:fs";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { inject } from "vitest";
import { testS3Client } from "./s3-server";

/**
 * Everything this test file has stored or staged, whichever storage driver the run uses: every file
 * under UPLOAD_DIR (staged ones included) on disk; with S3, every object in the file's bucket plus
 * the uploads staged under DATA_DIR. Names are relative (a key, or `.tmp/…`, `staging/…`).
 */
export async function storedFiles(): Promise<string[]> {
  if (storesOnDisk()) return filesUnder(process.env.UPLOAD_DIR!);
  const client = testS3Client(inject("testS3"));
  const objects = (await client.send(new ListObjectsV2Command({ Bucket: process.env.S3_BUCKET! }))).Contents ?? [];
  client.destroy();
  return [...objects.map((object) => object.Key!), ...filesUnder(path.join(process.env.DATA_DIR!, "staging")).map((name) => `staging/${name}`)];
}

/** True when the run keeps files on the local disk, where their permissions can be checked. */
export const storesOnDisk = () => process.env.STORAGE_DRIVER !== "s3";

function filesUnder(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
