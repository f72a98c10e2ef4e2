import "server-only";
import path from "node:path";
import { and, count, eq, gt, sql } from "drizzle-orm";
import nextPackage from "next/package.json";
import { db, getConnection } from "@/db/client";
import { env } from "@/lib/env";
import { getJobQueue, TRANSCRIBE_QUEUE } from "@/lib/jobs/job-queue";
import { pgbossJob } from "@/lib/jobs/pgboss-job-table";
import { getSmsSender } from "@/lib/sms/get-sms-sender";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { readLocalModelStates } from "@/lib/transcription/models/read-local-model-states";
import { listRoutes } from "@/lib/transcription/routing/list-routes";
import { listRecentWorkers } from "@/lib/transcription/workers/list-recent-workers";
import appPackage from "@/package.json";

export type SystemInfo = Awaited<ReturnType<typeof readSystemInfo>>;

const RECENT_MINUTES = 5;

/**
 * What an operator needs to see about this instance, and nothing secret: names and versions, never
 * keys. Workers are the processes that refreshed their row in the register lately; job activity is
 * read from the jobs themselves: those running now and those started in the last few minutes.
 */
export async function readSystemInfo() {
  await getJobQueue();
  const [[activity], storage, localModels, seen] = await Promise.all([
    db
      .select({
        running: count(sql`case when ${pgbossJob.state} = 'active' then 1 end`),
        startedRecently: count(sql`case when ${pgbossJob.startedOn} > now() - make_interval(mins => ${RECENT_MINUTES}) then 1 end`),
      })
      .from(pgbossJob)
      .where(and(eq(pgbossJob.name, TRANSCRIBE_QUEUE), gt(pgbossJob.createdOn, sql`now() - interval '1 day'`))),
    getFileStorage().describe(),
    readLocalModelStates(),
    listRecentWorkers(),
  ]);
  const routes = env.TRANSCRIPTION_ROUTES;
  return {
    versions: { app: appPackage.version, node: process.version, next: nextPackage.version },
    database: getConnection().driver,
    storage,
    transcription: {
      engine: env.TRANSCRIPTION_ENGINE,
      model: env.TRANSCRIPTION_ENGINE === "openai" ? env.OPENAI_TRANSCRIPTION_MODEL : env.WHISPER_MODEL_PATH ? path.basename(env.WHISPER_MODEL_PATH) : env.WHISPER_MODEL,
      // TRANSCRIPTION_ROUTES as parsed; a URL's hash is shown with the local models, not here. No model: the engine's configured one.
      routes: listRoutes(routes).map(([language, route]) => ({ language, engine: route.engine, model: route.model?.replace(/#.*$/, "") ?? null })),
      localModels,
    },
    workers: {
      embedded: env.EMBEDDED_WORKER,
      concurrency: env.WORKER_CONCURRENCY,
      running: activity?.running ?? 0,
      startedRecently: activity?.startedRecently ?? 0,
      recentMinutes: RECENT_MINUTES,
      seen: seen.workers,
      seenWindowMinutes: seen.windowMinutes,
    },
    sms: smsProvider(),
  };
}

function smsProvider(): "twilio" | "dev" | "none" {
  try {
    return getSmsSender().name;
  } catch {
    return "none";
  }
}
