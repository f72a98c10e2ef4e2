"use client";

import { useTranslations } from "next-intl";
import { formatDuration } from "@/lib/recordings/format-duration";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";
import type { IndexedSegment } from "@/lib/transcripts/transcript-segment";
import { HighlightedTextarea } from "./highlighted-textarea";
import { PlayingWords } from "./playing-words";
import { SpeakerSelect } from "./speaker-select";
import type { TextMark } from "./text-marks";

type Props = {
  segment: IndexedSegment;
  text: string;
  first: boolean;
  active: boolean;
  playing: boolean;
  nowMs: number;
  speakers: Speaker[];
  speakerId: string | null;
  marks: TextMark[];
  rowRef: (element: HTMLLIElement | null) => void;
  textareaRef: (element: HTMLTextAreaElement | null) => void;
  onChange: (text: string) => void;
  onKeyDown: (event: React.KeyboardEvent<HTMLTextAreaElement>) => void;
  onPlayFrom: (ms: number, play: boolean) => void;
  onAssign: (speakerId: string | null) => void;
  onAddSpeaker: (name: string) => void;
  /** At the caret of this segment's text. */
  onSplit: () => void;
  onMerge: () => void;
};

/** One segment: where it starts (a play button), who speaks, its text in place, split and merge. */
export function SegmentRow({ segment, text, first, active, playing, nowMs, speakers, speakerId, marks, rowRef, textareaRef, onChange, onKeyDown, onPlayFrom, onAssign, onAddSpeaker, onSplit, onMerge }: Props) {
  const t = useTranslations("editor");
  const time = formatDuration(segment.startMs / 1000);
  const unsure = marks.filter((mark) => mark.kind === "unsure").map((mark) => text.slice(mark.start, mark.end));
  const hintId = `unsure-${segment.index}`;
  const small = "rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100 disabled:opacity-40";

  return (
    <li
      ref={rowRef}
      data-testid="transcript-segment"
      data-active={active || undefined}
      className={`flex items-start gap-2 rounded-md p-1 ${active ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
    >
      <div className="flex shrink-0 flex-col items-start gap-1">
        <button
          type="button"
          onClick={() => onPlayFrom(segment.startMs, true)}
          className="rounded px-1.5 py-1 font-mono text-xs tabular-nums text-brand-700 underline decoration-dotted underline-offset-2 hover:bg-brand-50"
          aria-label={t("playFrom", { time })}
          data-testid="segment-time"
        >
          ▶ {time}
        </button>
        <SpeakerSelect label={t("speakerFor", { time })} speakers={speakers} speakerId={speakerId} onAssign={onAssign} onAddSpeaker={onAddSpeaker} />
      </div>
      <div className="min-w-0 flex-1">
        <HighlightedTextarea
          ref={textareaRef}
          value={text}
          marks={marks}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          aria-label={t("segmentLabel", { time })}
          aria-describedby={unsure.length > 0 ? hintId : undefined}
          data-index={segment.index}
        />
        {unsure.length > 0 && (
          <p id={hintId} className="sr-only">
            {t("unsureHint", { words: unsure.join(", ") })}
          </p>
        )}
        {/* Word timings belong to the machine's text: once a segment is edited they no longer line up. */}
        {active && playing && segment.words && segment.words.length > 0 && text === segment.text && (
          <PlayingWords words={segment.words} nowMs={nowMs} onSeek={(ms) => onPlayFrom(ms, false)} />
        )}
        <div className="flex gap-1">
          <button type="button" className={small} onClick={onSplit} data-testid="split-segment">
            {t("split")}
          </button>
          <button type="button" className={small} onClick={onMerge} disabled={first} data-testid="merge-segment">
            {t("merge")}
          </button>
        </div>
      </div>
    </li>
  );
}
