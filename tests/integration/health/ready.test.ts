import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CreateBucketCommand, DeleteBucketCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/db/client";
import { storesOnDisk } from "../../support/stored-files";
import { testS3Client } from "../../support/s3-server";

type Answer = { status: string; checks: Record<"database" | "migrations" | "storage" | "engine", { ok: boolean; detail?: string }> };

async function readiness(): Promise<{ status: number; body: Answer }> {
  const response = await ready();
  expect(response.headers.get("cache-control")).toBe("no-store");
  return { status: response.status, body: (await response.json()) as Answer };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("GET /api/ready", () => {
  it("answers 200 with every check when the database, its migrations, storage and the engine are in order", async () => {
    const { status, body } = await readiness();
    expect(body.checks).toEqual({
      database: { ok: true },
      migrations: { ok: true },
      storage: { ok: true, detail: storesOnDisk() ? "disk" : "s3" },
      engine: { ok: true, detail: "local" },
    });
    expect(body.status).toBe("ready");
    expect(status).toBe(200);
  });

  it("answers 503 naming the pending migration when the schema is behind this build", async () => {
    const migrations = sql`drizzle.__drizzle_migrations`;
    const [newest] = (await db.execute(sql`select id, hash, created_at from ${migrations} order by created_at desc limit 1`).then((result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows))) as { id: number; hash: string; created_at: string }[];
    await db.execute(sql`delete from ${migrations} where id = ${newest!.id}`);
    try {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body.status).toBe("not_ready");
      expect(body.checks.migrations.ok).toBe(false);
      expect(body.checks.migrations.detail).toMatch(/^1 pending .*db:migrate/);
      expect(body.checks.database.ok).toBe(true);
    } finally {
      await db.execute(sql`insert into ${migrations} (id, hash, created_at) values (${newest!.id}, ${newest!.hash}, ${newest!.created_at})`);
    }
    expect((await readiness()).status).toBe(200);
  });

  it("answers 503 when storage cannot take a file", async () => {
    const restore = await breakStorage();
    try {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body.checks.storage.ok).toBe(false);
      expect(body.checks.storage.detail).toMatch(storesOnDisk() ? /^disk: .*E(EXIST|NOTDIR)/ : /^s3: NoSuchBucket/);
      expect(body.checks.database.ok).toBe(true);
    } finally {
      await restore();
    }
    expect((await readiness()).status).toBe(200);
  });
});

/** Makes the store refuse files, the way a full disk or a deleted bucket would, and returns how to undo it. */
async function breakStorage(): Promise<() => Promise<void>> {
  if (storesOnDisk()) {
    // A file where the staging folder should be: even root cannot create a file inside it.
    const staging = path.join(process.env.UPLOAD_DIR!, ".tmp");
    rmSync(staging, { recursive: true, force: true });
    writeFileSync(staging, "not a folder");
    return async () => {
      rmSync(staging, { force: true });
      mkdirSync(staging, { mode: 0o700 });
    };
  }
  const client = testS3Client(inject("testS3"));
  await client.send(new DeleteBucketCommand({ Bucket: process.env.S3_BUCKET! }));
  return async () => {
    await client.send(new CreateBucketCommand({ Bucket: process.env.S3_BUCKET! }));
    client.destroy();
  };
}
