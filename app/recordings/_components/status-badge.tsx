import { getTranslations } from "next-intl/server";
import type { Recording } from "@/db/schema";

const styles: Record<Recording["transcriptionStatus"], string> = {
  pending: "bg-slate-100 text-slate-700",
  processing: "bg-amber-100 text-amber-800",
  completed: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

type Props = { recording: Pick<Recording, "transcriptionStatus" | "transcriptionProgress"> };

export async function StatusBadge({ recording }: Props) {
  const [t, tTranscription] = await Promise.all([getTranslations("recordings.statusValue"), getTranslations("transcription")]);
  const status = recording.transcriptionStatus;
  const label = status === "processing" ? tTranscription("progress", { percent: recording.transcriptionProgress }) : t(status);
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`} data-testid="status-badge" data-status={status}>
      {label}
    </span>
  );
}
