import { getFormatter, getTranslations } from "next-intl/server";
import type { Recording } from "@/db/schema";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { isTranscriptionUnderway } from "@/lib/recordings/is-transcription-underway";
import { readRunningModelDownloads } from "@/lib/transcription/models/read-running-model-downloads";

type Props = { recording: Pick<Recording, "transcriptionStatus" | "transcriptionProgress"> };

/**
 * A job that has not started transcribing while a model is being downloaded is waiting for that model
 * (a job downloads its engine's model before its first progress), so the download's progress is its
 * progress for now. The page refreshes itself while the job is underway.
 */
export async function ModelDownloadNotice({ recording }: Props) {
  if (!isTranscriptionUnderway(recording) || recording.transcriptionProgress > 0) return null;
  const downloads = await readRunningModelDownloads();
  if (downloads.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("transcription"), getFormatter()]);
  return (
    <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="model-download">
      {downloads.map((download) => (
        <p key={download.source}>
          {download.percent === null
            ? t("modelDownloadBytes", { received: formatMegabytes(format, download.receivedBytes) })
            : t("modelDownloadPercent", { percent: download.percent })}
          {download.percent !== null && <progress className="ml-2 align-middle" max={100} value={download.percent} aria-label={t("modelDownloadLabel")} />}
        </p>
      ))}
    </div>
  );
}
