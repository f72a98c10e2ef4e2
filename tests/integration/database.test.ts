import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";

describe("database", () => {
  it("is migrated: users can be stored and read back", async () => {
    const [created] = await db.insert(users).values({ phone: "+998901112233" }).returning();
    expect(created).toMatchObject({ role: "user", tokenVersion: 0, disabledAt: null });
    const [found] = await db.select().from(users).where(eq(users.id, created!.id));
    expect(found?.phone).toBe("+998901112233");
  });

  it("keeps phone numbers unique and in E.164", async () => {
    await db.insert(users).values({ phone: "+998901112244" });
    await expect(db.insert(users).values({ phone: "+998901112244" })).rejects.toThrow();
    await expect(db.insert(users).values({ phone: "90 111 22 55" })).rejects.toThrow();
  });

  it("runs migrations idempotently", async () => {
    const { migrateDatabase } = await import("@/db/migrate");
    await expect(migrateDatabase()).resolves.toBeUndefined();
  });
});

describe("GET /api/health", () => {
  it("reports ok after a real query", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("reports 503 when the database cannot be reached", async () => {
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/nothing");
    const globalForDb = globalThis as { __yozuvDb?: unknown };
    const saved = globalForDb.__yozuvDb;
    globalForDb.__yozuvDb = undefined;
    try {
      const { GET } = await import("@/app/api/health/route");
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", db: "down" });
    } finally {
      const { closeConnection } = await import("@/db/client");
      await closeConnection();
      globalForDb.__yozuvDb = saved;
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
