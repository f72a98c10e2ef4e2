"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDuration } from "@/lib/recordings/format-duration";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";
import type { IndexedSegment } from "@/lib/transcripts/transcript-segment";
import { saveSegment } from "../../_actions/save-segment";
import { usePlayer } from "../player/player-context";
import { ConflictDialog } from "./conflict-dialog";
import { PlayingWords } from "./playing-words";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";


type Props = { recordingId: string; version: number; segments: IndexedSegment[]; speakers: Speaker[] };

/**
 * The segments, each editable in place, saved automatically. The segment being played is
 * highlighted and kept in view; its time button seeks there.
 */
export function TranscriptEditor({ recordingId, version, segments }: Props) {
  const t = useTranslations("editor");
  const player = usePlayer();
  const [texts, setTexts] = useState(() => new Map(segments.map((segment) => [segment.index, segment.text])));
  const save = useCallback((index: number, text: string, expected: number) => saveSegment({ id: recordingId, index, text, version: expected }), [recordingId]);
  const autosave = useAutosave(recordingId, version, save);
  const { restoreDrafts } = autosave;
  const rows = useRef(new Map<number, HTMLLIElement>());

  useEffect(() => {
    const drafts = restoreDrafts();
    // sessionStorage only exists after hydration, so unsaved drafts can only come back in an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (drafts.size) setTexts((current) => new Map([...current, ...[...drafts].map(([index, draft]) => [index, draft.text] as const)]));
  }, [restoreDrafts]);

  const nowMs = player.currentTime * 1000;
  const active = segments.find((segment) => nowMs >= segment.startMs && nowMs < segment.endMs)?.index;
  useEffect(() => {
    if (active === undefined || !player.playing) return;
    rows.current.get(active)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active, player.playing]);

  function change(index: number, text: string) {
    setTexts((current) => new Map(current).set(index, text));
    autosave.edit(index, text);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">{t("hint")}</p>
        <SaveStatus state={autosave.state} onRetry={() => void autosave.retry()} />
      </div>
      <ol className="space-y-1" data-testid="transcript-segments">
        {segments.map((segment) => (
          <li
            key={segment.index}
            ref={(element) => {
              if (element) rows.current.set(segment.index, element);
            }}
            data-testid="transcript-segment"
            data-active={segment.index === active || undefined}
            className={`flex items-start gap-2 rounded-md p-1 ${segment.index === active ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
          >
            <button
              type="button"
              onClick={() => {
                player.seek(segment.startMs / 1000);
                player.play();
              }}
              className="shrink-0 rounded px-1.5 py-1 font-mono text-xs tabular-nums text-brand-700 underline decoration-dotted underline-offset-2 hover:bg-brand-50"
              aria-label={t("playFrom", { time: formatDuration(segment.startMs / 1000) })}
              data-testid="segment-time"
            >
              ▶ {formatDuration(segment.startMs / 1000)}
            </button>
            <div className="min-w-0 flex-1">
              <textarea
                value={texts.get(segment.index) ?? ""}
                onChange={(event) => change(segment.index, event.target.value)}
                rows={Math.max(1, Math.ceil((texts.get(segment.index) ?? "").length / 70))}
                aria-label={t("segmentLabel", { time: formatDuration(segment.startMs / 1000) })}
                className="w-full resize-y rounded border border-transparent bg-transparent px-1 py-0.5 leading-relaxed hover:border-slate-200 focus:border-slate-300"
              />
              {/* Word timings belong to the machine's text: once a segment is edited they no longer line up. */}
              {segment.index === active && player.playing && segment.words && segment.words.length > 0 && texts.get(segment.index) === segment.text && (
                <PlayingWords words={segment.words} nowMs={nowMs} onSeek={(ms) => player.seek(ms / 1000)} />
              )}
            </div>
          </li>
        ))}
      </ol>
      {autosave.conflict && (
        <ConflictDialog
          conflict={autosave.conflict}
          onChoose={(choice) => {
            const { index, theirs } = autosave.conflict!;
            if (choice === "theirs") setTexts((current) => new Map(current).set(index, theirs));
            autosave.resolve(choice);
          }}
        />
      )}
    </div>
  );
}
