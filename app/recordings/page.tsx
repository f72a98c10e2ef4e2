import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { transcriptionStatus } from "@/db/schema";
import { requireSessionUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { locales } from "@/lib/i18n/locales";
import { formatDuration } from "@/lib/recordings/format-duration";
import { isTranscriptionUnderway } from "@/lib/recordings/is-transcription-underway";
import { listRecordingOwners } from "@/lib/recordings/list-recording-owners";
import { libraryQuerySchema } from "@/lib/recordings/search/library-query";
import { searchRecordings } from "@/lib/recordings/search/search-recordings";
import { EXPORT_FORM_ID, ExportSelectedForm } from "./_components/export-selected-form";
import { LibrarySearch } from "./_components/library-search";
import { MarkedSnippet } from "./_components/marked-snippet";
import { readUserUsage } from "@/lib/quotas/read-user-usage";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { RefreshWhileWorking } from "./_components/refresh-while-working";
import { StatusBadge } from "./_components/status-badge";
import { UploadPanel } from "./_components/upload-panel";
import { UsageSummary } from "./_components/usage-summary";

const PAGE_SIZE = 20;
const pageSchema = z.coerce.number().int().min(1).catch(1);
const filterKeys = ["q", "status", "language", "from", "to", "sort"] as const;

/** The URL's filters, each one dropped on its own when malformed (a hand-edited link still shows something). */
function readFilters(params: Record<string, string | string[] | undefined>) {
  const picked: Record<string, string> = {};
  for (const key of [...filterKeys, "owner"] as const) {
    const value = params[key];
    if (typeof value !== "string") continue;
    const field = key === "owner" ? "user_id" : key;
    if (libraryQuerySchema.safeParse({ [field]: value }).success) picked[field] = value;
  }
  return libraryQuerySchema.parse(picked);
}

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  const params = await searchParams;
  const page = pageSchema.parse(params.page);
  const isAdmin = user.role === "admin";
  const filters = readFilters(params);
  const [t, tExport, tSearch, format, library, owners, usage] = await Promise.all([
    getTranslations("recordings"),
    getTranslations("export"),
    getTranslations("search"),
    getFormatter(),
    searchRecordings(user, { ...filters, user_id: isAdmin ? filters.user_id : undefined, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    isAdmin ? listRecordingOwners() : Promise.resolve(null),
    readUserUsage(user.id),
  ]);
  const pages = Math.max(1, Math.ceil(library.total / PAGE_SIZE));
  const pageHref = (target: number) => {
    const kept = Object.entries(params).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "page");
    return `/recordings?${new URLSearchParams([...kept, ["page", String(target)]])}`;
  };
  const filtered = filterKeys.some((key) => key !== "sort" && params[key]) || Boolean(params.owner);

  return (
    <section aria-labelledby="recordings-title" className="space-y-6">
      <h1 id="recordings-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <RefreshWhileWorking active={library.items.some(isTranscriptionUnderway)} />
      {usage && <UsageSummary usage={usage} />}
      <UploadPanel maxUploadMb={env.MAX_UPLOAD_MB} direct={getFileStorage().directUploads !== null} />
      <LibrarySearch owners={owners} languages={locales} statuses={transcriptionStatus.enumValues} />
      {filtered && (
        <p className="text-sm text-slate-600" role="status" data-testid="search-summary">
          {library.total === 0 && filters.q ? tSearch("noResults", { q: filters.q }) : tSearch("results", { total: library.total })}
        </p>
      )}
      {library.total === 0 ? (
        !filtered && (
          <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center" data-testid="library-empty">
            <h2 className="text-lg font-medium">{t("emptyTitle")}</h2>
            <p className="mx-auto mt-2 max-w-prose text-slate-600">{t("emptyBody")}</p>
          </div>
        )
      ) : (
        <>
          <ExportSelectedForm />
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="library">
            {library.items.map((recording) => (
              <li key={recording.id} className="px-4 py-3" data-testid="library-item">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
                  <input type="checkbox" name="ids" value={recording.id} form={EXPORT_FORM_ID} aria-label={tExport("select", { title: recording.title })} />
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
                </div>
                {recording.matches && recording.matches.length > 0 && (
                  <ul className="mt-2 space-y-1 pl-7 text-sm">
                    {recording.matches.map((match) => (
                      <li key={match.segmentIndex}>
                        <Link
                          href={`/recordings/${recording.id}?t=${match.startMs / 1000}`}
                          className="flex gap-2 rounded px-1 py-0.5 hover:bg-slate-50"
                          data-testid="search-hit"
                          aria-label={tSearch("playFrom", { time: formatDuration(match.startMs / 1000) })}
                        >
                          <span className="shrink-0 font-mono text-xs tabular-nums text-brand-700">{formatDuration(match.startMs / 1000)}</span>
                          <span className="text-slate-700">
                            {match.speakerName && (
                              <span className="font-medium text-slate-900" data-testid="search-hit-speaker">
                                {tSearch("speakerSaid", { name: match.speakerName })}
                              </span>
                            )}
                            <MarkedSnippet snippet={match.snippet} />
                          </span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
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
