import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startTestS3Server, type TestS3Server } from "./s3-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server URL the copies are made from, and the template's name; null on PGlite. */
    testDatabase: { serverUrl: string; templateName: string } | null;
    /** The variables that reach the s3rver this run started; each file that stores in S3 makes its own bucket. */
    testS3: TestS3Server["env"];
    /** The run's STORAGE_DRIVER (disk unless set); some files use S3 whatever it is (see file-database.ts). */
    testStorageDriver: "disk" | "s3";
  }
}

/**
 * With DATABASE_URL set, builds one migrated template database for this run; every test file then
 * gets its own copy of it (see file-database.ts) and all of them are dropped at the end.
 * Without it, each test file migrates its own in-memory PGlite.
 */
export default async function setup(project: TestProject) {
  // s3rver runs in this process and starts in milliseconds, so it is there for every run.
  const s3 = await startTestS3Server();
  project.provide("testS3", s3.env);
  project.provide("testStorageDriver", process.env.STORAGE_DRIVER === "s3" ? "s3" : "disk");
  const closeDatabases = await setupDatabases(project);
  return async () => {
    await closeDatabases?.();
    await s3.close();
  };
}

async function setupDatabases(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("testDatabase", null);
    return;
  }
  const templateName = `yozuv_test_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${templateName}`);
  const templateUrl = withDatabase(serverUrl, templateName);
  const client = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await migrate(drizzle(client), { migrationsFolder: "db/migrations" });
  await client.end();
  project.provide("testDatabase", { serverUrl, templateName });

  return async () => {
    const copies = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${templateName}%`}`;
    for (const { datname } of copies) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
