import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireSessionUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { formatDuration } from "@/lib/recordings/format-duration";
import { listRecordings } from "@/lib/recordings/list-recordings";
import { listRecordingOwners } from "@/lib/recordings/list-recording-owners";
import { isTranscriptionUnderway } from "@/lib/recordings/is-transcription-underway";
import { readUserUsage } from "@/lib/quotas/read-user-usage";
import { OwnerFilter } from "./_components/owner-filter";
import { RefreshWhileWorking } from "./_components/refresh-while-working";
import { StatusBadge } from "./_components/status-badge";
import { UploadPanel } from "./_components/upload-panel";
import { UsageSummary } from "./_components/usage-summary";

const PAGE_SIZE = 20;
const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1), owner: z.uuid().optional().catch(undefined) });

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  const { page, owner } = searchSchema.parse(await searchParams);
  const isAdmin = user.role === "admin";
  const [t, format, library, owners, usage] = await Promise.all([
    getTranslations("recordings"),
    getFormatter(),
    listRecordings(user, { skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ownerId: isAdmin ? owner : undefined }),
    isAdmin ? listRecordingOwners() : Promise.resolve([]),
    readUserUsage(user.id),
  ]);
  const pages = Math.max(1, Math.ceil(library.total / PAGE_SIZE));
  const pageHref = (target: number) => `/recordings?${new URLSearchParams({ page: String(target), ...(owner ? { owner } : {}) })}`;

  return (
    <section aria-labelledby="recordings-title" className="space-y-6">
      <h1 id="recordings-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <RefreshWhileWorking active={library.items.some(isTranscriptionUnderway)} />
      {usage && <UsageSummary usage={usage} />}
      <UploadPanel maxUploadMb={env.MAX_UPLOAD_MB} />
      {isAdmin && <OwnerFilter owners={owners} selected={owner} />}
      {library.total === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="library-empty">
          <h2 className="text-lg font-medium">{t("emptyTitle")}</h2>
          <p className="mx-auto mt-2 max-w-prose text-slate-600">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="library">
          {library.items.map((recording) => (
            <li key={recording.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3" data-testid="library-item">
              <Link href={`/recordings/${recording.id}`} className="min-w-0 flex-1 basis-48 truncate font-medium text-brand-700 hover:underline">
                {recording.title}
              </Link>
              <StatusBadge recording={recording} />
              <span className="text-sm tabular-nums text-slate-600" title={t("duration")}>
                {formatDuration(recording.durationSeconds)}
              </span>
              <span className="text-sm text-slate-600" title={t("size")}>
                {formatMegabytes(format, recording.fileSize)}
              </span>
              <time className="text-sm text-slate-600" dateTime={recording.createdAt.toISOString()} title={t("uploadedAt")}>
                {format.dateTime(recording.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {isAdmin && (
                <span className="text-sm text-slate-500" data-testid="owner-phone" title={t("owner")}>
                  {recording.ownerPhone}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pageOf", { page, pages })}>
          {page > 1 ? <Link href={pageHref(page - 1)} className="text-brand-700 underline">{t("previous")}</Link> : <span />}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link href={pageHref(page + 1)} className="text-brand-700 underline">{t("next")}</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
