import { getFormatter, getTranslations } from "next-intl/server";
import type { Recording } from "@/db/schema";
import { formatSpeakerText } from "@/lib/transcripts/speakers/format-speaker-text";
import type { NamedSegment } from "@/lib/transcripts/speakers/read-named-segments";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";
import { FullTextEditor } from "./editor/full-text-editor";
import { PlainTextView } from "./editor/plain-text-view";
import { RevisionHistory, type RevisionItem } from "./editor/revision-history";
import { TranscriptEditor } from "./editor/transcript-editor";
import { RetranscribeForm } from "./retranscribe-form";

type Props = { recording: Recording; segments: NamedSegment[]; speakers: Speaker[]; revisions: (Omit<RevisionItem, "savedAt"> & { createdAt: Date })[]; unsureThreshold: number };

export async function TranscriptPanel({ recording, segments, speakers, revisions, unsureThreshold }: Props) {
  const [t, format] = await Promise.all([getTranslations("transcription"), getFormatter()]);
  const status = recording.transcriptionStatus;
  const reason = recording.transcriptionError ?? "unknown";
  const text = recording.transcriptText ?? "";
  const readable = segments.length > 0 ? formatSpeakerText(segments) : text;
  const editable = segments.length > 0 || status === "completed" || recording.transcriptVersion > 0;
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
      {/* Keyed by version: when the transcript changes on the server (a new transcription, a restore), the editor starts from it. */}
      {segments.length > 0 ? (
        <TranscriptEditor
          key={recording.transcriptVersion}
          recordingId={recording.id}
          version={recording.transcriptVersion}
          segments={segments}
          speakers={speakers}
          unsureThreshold={unsureThreshold}
        />
      ) : editable ? (
        <>
          {status === "completed" && !text && <p className="text-sm text-slate-600">{t("noText")}</p>}
          <FullTextEditor key={recording.transcriptVersion} recordingId={recording.id} version={recording.transcriptVersion} text={text} />
        </>
      ) : (
        status !== "failed" && <p className="text-sm text-slate-600">{t("waiting")}</p>
      )}
      {readable && <PlainTextView text={readable} />}
      {revisions.length > 0 && <RevisionHistory recordingId={recording.id} currentVersion={recording.transcriptVersion} revisions={revisions.map(({ createdAt, ...revision }) => ({ ...revision, savedAt: format.dateTime(createdAt, { dateStyle: "short", timeStyle: "medium" }) }))} />}
    </section>
  );
}
