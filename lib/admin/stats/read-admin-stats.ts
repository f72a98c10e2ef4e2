import "server-only";
import { count, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { audioUsage, recordings, users } from "@/db/schema";
import { usageMonth } from "@/lib/quotas/usage-month";
import { countTranscriptionJobs } from "../jobs/count-transcription-jobs";

export type AdminStats = Awaited<ReturnType<typeof readAdminStats>>;

/** The whole instance at a glance: people, what they store, this month's audio and the job queue. */
export async function readAdminStats() {
  const [[people], [held], [month], jobs] = await Promise.all([
    db
      .select({
        total: count(),
        admins: count(sql`case when ${users.role} = 'admin' then 1 end`),
        disabled: count(sql`case when ${users.disabledAt} is not null then 1 end`),
      })
      .from(users),
    db
      .select({
        total: count(),
        seconds: sql<number>`coalesce(sum(${recordings.durationSeconds}), 0)`.mapWith(Number),
        bytes: sql<number>`coalesce(sum(${recordings.fileSize}), 0)`.mapWith(Number),
      })
      .from(recordings),
    db
      .select({ seconds: sql<number>`coalesce(sum(${audioUsage.seconds}), 0)`.mapWith(Number) })
      .from(audioUsage)
      .where(sql`${audioUsage.month} = ${usageMonth().key}`),
    countTranscriptionJobs(),
  ]);
  return {
    users: { total: people?.total ?? 0, admins: people?.admins ?? 0, disabled: people?.disabled ?? 0 },
    recordings: { total: held?.total ?? 0, audioSeconds: held?.seconds ?? 0, storageBytes: held?.bytes ?? 0 },
    audioSecondsThisMonth: month?.seconds ?? 0,
    jobs,
  };
}
