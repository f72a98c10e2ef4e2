import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users } from "@/db/schema";

/** Users who have at least one recording, for an admin's owner filter. */
export async function listRecordingOwners(): Promise<{ id: string; phone: string }[]> {
  return db
    .selectDistinct({ id: users.id, phone: users.phone })
    .from(users)
    .innerJoin(recordings, eq(recordings.userId, users.id))
    .orderBy(asc(users.phone));
}
