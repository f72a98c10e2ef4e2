import { z } from "zod";
import { JOB_STATES } from "../jobs/job-states";
import type { AdminStats } from "../stats/read-admin-stats";

/** GET /api/v1/admin/stats */
export const adminStatsJson = z.object({
  users: z.object({ total: z.number().int(), admins: z.number().int(), disabled: z.number().int() }),
  recordings: z.object({ total: z.number().int(), audio_minutes: z.number(), storage_bytes: z.number().int() }),
  audio_minutes_this_month: z.number(),
  // Every state spelled out (not a record): a record keyed by an enum has no properties a strict validator can check.
  jobs: z.object(Object.fromEntries(JOB_STATES.map((state) => [state, z.number().int()])) as Record<(typeof JOB_STATES)[number], z.ZodNumber>),
});

export function toAdminStatsJson(stats: AdminStats): z.infer<typeof adminStatsJson> {
  return {
    users: stats.users,
    recordings: { total: stats.recordings.total, audio_minutes: stats.recordings.audioSeconds / 60, storage_bytes: stats.recordings.storageBytes },
    audio_minutes_this_month: stats.audioSecondsThisMonth / 60,
    jobs: stats.jobs,
  };
}
