import { getTranslations } from "next-intl/server";
import type { Recording, TranscriptSegmentRow } from "@/db/schema";
import { formatDuration } from "@/lib/recordings/format-duration";
import { RetranscribeForm } from "./retranscribe-form";

type Props = { recording: Recording; segments: TranscriptSegmentRow[] };

export async function TranscriptPanel({ recording, segments }: Props) {
  const t = await getTranslations("transcription");
  const status = recording.transcriptionStatus;
  const reason = recording.transcriptionError ?? "unknown";
  return (
    <section aria-labelledby="transcript-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="transcript-title" className="font-medium">
          {t("transcript")}
        </h2>
        <RetranscribeForm id={recording.id} language={recording.language} failed={status === "failed"} />
      </div>
      {status === "failed" && (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="transcription-failure">
          <p className="font-medium">{t("failedTitle")}</p>
          <p>{t.has(`reasons.${reason}`) ? t(`reasons.${reason}` as "reasons.unknown") : t("reasons.unknown")}</p>
        </div>
      )}
      {status === "pending" && recording.transcriptionError && <p className="text-sm text-amber-800">{t("retrying")}</p>}
      {segments.length > 0 ? (
        <ol className="space-y-2" data-testid="transcript-segments">
          {segments.map((segment) => (
            <li key={segment.index} className="flex gap-3" data-testid="transcript-segment">
              <span className="shrink-0 pt-0.5 font-mono text-xs tabular-nums text-slate-500">{formatDuration(segment.startMs / 1000)}</span>
              <span>{segment.text.trim()}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600">{status === "completed" ? t("noText") : status === "failed" ? null : t("waiting")}</p>
      )}
    </section>
  );
}
