import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
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

const testS3 = inject("testS3");
if (testS3) {
  const bucket = `file-${randomBytes(6).toString("hex")}`;
  Object.assign(process.env, testS3, { S3_BUCKET: bucket });
  await createBucket(testS3, bucket);
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
