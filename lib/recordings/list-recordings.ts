import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleTo } from "./recording-access";

export type RecordingPage = { items: (Recording & { ownerPhone: string })[]; total: number; skip: number; limit: number };

export const MAX_PAGE_SIZE = 100;

/**
 * Newest first. `total` counts every matching recording, not just this page. `ownerId` narrows an
 * admin's view to one user; for a user it can only narrow their own list (it never widens it).
 */
export async function listRecordings(caller: CurrentUser, options: { skip: number; limit: number; ownerId?: string }): Promise<RecordingPage> {
  const where = and(visibleTo(caller), options.ownerId ? eq(recordings.userId, options.ownerId) : undefined);
  const limit = Math.min(Math.max(options.limit, 1), MAX_PAGE_SIZE);
  const skip = Math.max(options.skip, 0);
  const [rows, [totals]] = await Promise.all([
    db
      .select({ recording: recordings, ownerPhone: users.phone })
      .from(recordings)
      .innerJoin(users, eq(recordings.userId, users.id))
      .where(where)
      .orderBy(desc(recordings.createdAt), desc(recordings.id))
      .limit(limit)
      .offset(skip),
    db.select({ total: count() }).from(recordings).where(where),
  ]);
  return { items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone })), total: totals?.total ?? 0, skip, limit };
}
