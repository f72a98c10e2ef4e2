"use client";

import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/recordings/format-duration";
import type { TranscriptWord } from "@/lib/transcripts/transcript-segment";

/** Under the segment being played: its words, the current one highlighted, each one a seek target. */
export function PlayingWords({ words, nowMs, onSeek }: { words: TranscriptWord[]; nowMs: number; onSeek: (ms: number) => void }) {
  const t = useTranslations("editor");
  return (
    <p className="flex flex-wrap gap-x-1 px-1 text-sm text-slate-500" data-testid="playing-words">
      {words.map((word, position) => {
        const current = nowMs >= word.startMs && nowMs < word.endMs;
        return (
          <button
            key={position}
            type="button"
            onClick={() => onSeek(word.startMs)}
            aria-label={t("playFrom", { time: formatDuration(word.startMs / 1000) })}
            data-active={current || undefined}
            className={`rounded px-0.5 ${current ? "bg-amber-200 text-slate-900" : "hover:bg-slate-100"}`}
          >
            {word.text.trim()}
          </button>
        );
      })}
    </p>
  );
}
