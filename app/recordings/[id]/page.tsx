import Link from "next/link";
import { z } from "zod";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { formatDuration } from "@/lib/recordings/format-duration";
import { findRecordingForCaller } from "@/lib/recordings/recording-access";
import { isTranscriptionUnderway } from "@/lib/recordings/is-transcription-underway";
import { db } from "@/db/client";
import { readNamedSegments } from "@/lib/transcripts/speakers/read-named-segments";
import { listSpeakers } from "@/lib/transcripts/speakers/list-speakers";
import { listRevisions } from "@/lib/transcripts/list-revisions";
import { readUnsureThreshold } from "@/lib/users/read-unsure-threshold";
import { DeleteRecordingButton } from "../_components/delete-recording-button";
import { ExportMenu } from "../_components/export-menu";
import { ModelDownloadNotice } from "../_components/model-download-notice";
import { RefreshWhileWorking } from "../_components/refresh-while-working";
import { StatusBadge } from "../_components/status-badge";
import { TitleEditor } from "../_components/title-editor";
import { formatRate } from "../_components/player/format-rate";
import { PLAYBACK_RATES } from "../_components/player/playback-rates";
import { PlayerProvider } from "../_components/player/player-context";
import { StartAt } from "../_components/player/start-at";
import { WaveformPlayer } from "../_components/player/waveform-player";
import { TranscriptPanel } from "../_components/transcript-panel";

const startSchema = z.coerce.number().min(0).max(86_400).optional().catch(undefined);

export default async function RecordingPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  const { id } = await params;
  const startSeconds = startSchema.parse((await searchParams).t);
  const recording = await findRecordingForCaller(id, user).catch((error: unknown) => {
    if (error instanceof AppError && error.kind === "not_found") notFound();
    throw error;
  });
  const [t, format, segments, speakers, revisions, unsureThreshold] = await Promise.all([
    getTranslations("recordings"),
    getFormatter(),
    readNamedSegments(db, recording),
    listSpeakers(db, recording),
    listRevisions(recording),
    readUnsureThreshold(user.id),
  ]);
  const details: [string, string][] = [
    [t("duration"), formatDuration(recording.durationSeconds)],
    [t("size"), formatMegabytes(format, recording.fileSize)],
    [t("format"), `${recording.mimeType}${recording.codec ? ` (${recording.codec})` : ""}`],
    [t("sampleRate"), recording.sampleRate ? `${format.number(recording.sampleRate)} Hz` : "—"],
    [t("channels"), recording.channels ? format.number(recording.channels) : "—"],
    [t("language"), recording.language === "auto" ? t("languageAuto") : recording.language],
    [t("uploadedAt"), format.dateTime(recording.createdAt, { dateStyle: "long", timeStyle: "short" })],
    [t("originalFilename"), recording.originalFilename],
  ];
  const rateLabels = Object.fromEntries(PLAYBACK_RATES.map((rate) => [String(rate), formatRate(rate, format)]));

  return (
    <article className="space-y-6">
      <RefreshWhileWorking active={isTranscriptionUnderway(recording)} />
      <Link href="/recordings" className="text-sm text-brand-700 underline underline-offset-2">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <TitleEditor id={recording.id} title={recording.title} />
        <div className="flex items-center gap-3">
          <StatusBadge recording={recording} />
          <ExportMenu id={recording.id} />
        </div>
      </div>
      <ModelDownloadNotice recording={recording} />
      <PlayerProvider>
        {startSeconds !== undefined && <StartAt seconds={startSeconds} />}
        <WaveformPlayer src={`/api/v1/audio/${recording.id}/file`} durationSeconds={recording.durationSeconds} fileSizeBytes={recording.fileSize} rateLabels={rateLabels} />
        <TranscriptPanel recording={recording} segments={segments} speakers={speakers} revisions={revisions} unsureThreshold={unsureThreshold} />
      </PlayerProvider>
      <section aria-labelledby="details-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="details-title" className="mb-3 font-medium">
          {t("details")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <DeleteRecordingButton id={recording.id} title={recording.title} />
    </article>
  );
}
