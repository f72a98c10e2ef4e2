import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { countTranscriptionJobs } from "@/lib/admin/jobs/count-transcription-jobs";
import { JOB_STATES } from "@/lib/admin/jobs/job-states";
import { listTranscriptionJobs } from "@/lib/admin/jobs/list-transcription-jobs";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { cancelJobAction } from "../_actions/cancel-job";
import { retryFailedJobsAction } from "../_actions/retry-failed-jobs";
import { retryJobAction } from "../_actions/retry-job";
import { ActionButton } from "@/app/_components/action-button";
import { DataTable } from "@/app/_components/data-table";
import { Pager } from "../_components/pager";

const PAGE_SIZE = 25;
const LISTED_STATES = ["failed", "stuck", "queued", "retrying", "processing"] as const;
const searchSchema = z.object({ state: z.enum(LISTED_STATES).catch("failed"), page: z.coerce.number().int().min(1).catch(1) });

export default async function AdminJobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const { state, page } = searchSchema.parse(await searchParams);
  const [t, tReasons, format, counts, jobs] = await Promise.all([
    getTranslations("admin.jobs"),
    getTranslations("transcription.reasons"),
    getFormatter(),
    countTranscriptionJobs(),
    listTranscriptionJobs(state, { skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(jobs.total / PAGE_SIZE));
  const fixFor = (reason: string | null) => (reason && t.has(`fixes.${reason}`) ? t(`fixes.${reason}` as "fixes.model_missing") : null);
  const reasonText = (reason: string | null) => (reason && tReasons.has(reason) ? tReasons(reason as "unknown") : reason);

  return (
    <section aria-labelledby="admin-jobs-title" className="space-y-6">
      <h1 id="admin-jobs-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <dl aria-label={t("countsLabel")} className="grid grid-cols-2 gap-3 sm:grid-cols-6">
        {JOB_STATES.map((name) => (
          <div key={name} className="rounded-xl border border-slate-200 bg-white p-3" data-testid={`job-count-${name}`}>
            <dt className="text-xs text-slate-600">{t(`state.${name}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{counts[name]}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">{t("stuckHint")}</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label={t("countsLabel")} className="flex flex-wrap gap-3 text-sm">
          {LISTED_STATES.map((name) => (
            <Link key={name} href={`/admin/jobs?state=${name}`} aria-current={name === state ? "page" : undefined} className={name === state ? "font-semibold text-brand-700 underline" : "text-slate-700 hover:text-brand-700"}>
              {t(`state.${name}`)}
            </Link>
          ))}
        </nav>
        {state === "failed" && counts.failed > 0 && <ActionButton action={retryFailedJobsAction} input={{}} label={t("retryAll")} testId="retry-all" />}
      </div>
      {jobs.items.length === 0 ? (
        <p className="text-slate-600" data-testid="jobs-empty">{t("empty")}</p>
      ) : (
        <DataTable columns={[...(["recording", "owner", "reason", "attempts", "time", "fix"] as const).map((column) => ({ label: t(column) })), { label: t("retry"), hidden: true }]}>
          {jobs.items.map((job) => (
            <tr key={job.recordingId} data-testid="admin-job" className="align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/recordings/${job.recordingId}`} className="text-brand-700 hover:underline">{job.title}</Link>
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{job.ownerPhone}</td>
              <td className="px-3 py-2" data-testid="admin-job-reason">{reasonText(job.reason)}</td>
              <td className="px-3 py-2 tabular-nums">{job.attempts}</td>
              <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(job.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="max-w-sm px-3 py-2 text-xs text-slate-700" data-testid="admin-job-fix">{fixFor(job.reason)}</td>
              <td className="px-3 py-2">
                {job.jobId && (state === "failed" || state === "stuck") && <ActionButton action={retryJobAction} input={{ jobId: job.jobId }} label={t("retry")} testId="retry-job" />}
                {job.jobId && state === "queued" && <ActionButton action={cancelJobAction} input={{ jobId: job.jobId }} label={t("cancel")} tone="danger" testId="cancel-job" />}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pages={pages} href={(target) => `/admin/jobs?${new URLSearchParams({ state, page: String(target) })}`} />
    </section>
  );
}
