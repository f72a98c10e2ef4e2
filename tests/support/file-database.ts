import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, expect, inject } from "vitest";
import { withDatabase } from "./global-database";
import { createBucket } from "./s3-server";

// Runs before each integration test file, before it imports any app module, so `@/lib/env`
// sees the database chosen here.
const testDatabase = inject("testDatabase");
// Uploaded files of this test file live in a folder of their own, and so do its staged uploads and work copies.
const uploadDir = mkdtempSync(path.join(tmpdir(), "yozuv-uploads-"));
const dataDir = mkdtempSync(path.join(tmpdir(), "yozuv-data-"));
process.env.UPLOAD_DIR = uploadDir;
process.env.DATA_DIR = dataDir;

// Files that test direct uploads need an object store whatever the run's driver; the rest follow the run.
const ALWAYS_S3 = ["tests/integration/api/contract.test.ts", "tests/integration/recordings/direct-upload.test.ts", "tests/integration/transcription/workers-anywhere.test.ts"];
const testFile = path.relative(process.cwd(), expect.getState().testPath ?? "");
if (inject("testStorageDriver") === "s3" || ALWAYS_S3.includes(testFile)) {
  const testS3 = inject("testS3");
  const bucket = `file-${randomBytes(6).toString("hex")}`;
  Object.assign(process.env, testS3, { S3_BUCKET: bucket });
  await createBucket(testS3, bucket);
} else {
  process.env.STORAGE_DRIVER = "disk";
}

if (testDatabase) {
  const { serverUrl, templateName } = testDatabase;
  const fileDatabase = `${templateName}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${fileDatabase} template ${templateName}`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(serverUrl, fileDatabase);
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  const { migrateDatabase } = await import("@/db/migrate");
  await migrateDatabase();
}

afterAll(async () => {
  const { closeConnection } = await import("@/db/client");
  await closeConnection();
  rmSync(uploadDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});
