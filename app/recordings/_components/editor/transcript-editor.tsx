"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { findMatches } from "@/lib/transcripts/find/find-matches";
import type { Speaker } from "@/lib/transcripts/speakers/speaker";
import type { IndexedSegment } from "@/lib/transcripts/transcript-segment";
import { findUnsureSpans } from "@/lib/transcripts/unsure/find-unsure-spans";
import { assignSpeakerAction } from "../../_actions/assign-speaker";
import { mergeSegmentsAction } from "../../_actions/merge-segments";
import { replaceAllAction } from "../../_actions/replace-all";
import { saveSegment } from "../../_actions/save-segment";
import { saveSpeakersAction } from "../../_actions/save-speakers";
import { splitSegmentAction } from "../../_actions/split-segment";
import { usePlayer } from "../player/player-context";
import { ConflictDialog } from "./conflict-dialog";
import { FindBar, type FindState } from "./find-bar";
import { focusAfterRender, takePendingFocus } from "./pending-focus";
import { SaveStatus } from "./save-status";
import { SegmentRow } from "./segment-row";
import { SpeakerList } from "./speaker-list";
import type { TextMark } from "./text-marks";
import { ThresholdControl } from "./threshold-control";
import { useAutosave } from "./use-autosave";
import { useEditorShortcuts } from "./use-editor-shortcuts";

type Props = { recordingId: string; version: number; segments: IndexedSegment[]; speakers: Speaker[]; unsureThreshold: number };

const closedFind: FindState = { query: "", options: { matchCase: false, wholeWord: false } };

/**
 * The segments, each editable in place and saved automatically, with speakers, split and merge, find
 * and replace, and the words the engine was unsure of. The segment being played is highlighted and
 * kept in view; its time button seeks there.
 */
export function TranscriptEditor({ recordingId, version, segments, speakers: initialSpeakers, unsureThreshold }: Props) {
  const t = useTranslations("editor");
  const player = usePlayer();
  const [texts, setTexts] = useState(() => new Map(segments.map((segment) => [segment.index, segment.text])));
  const [speakers, setSpeakers] = useState(initialSpeakers);
  const [speakerOf, setSpeakerOf] = useState(() => new Map(segments.map((segment) => [segment.index, segment.speakerId ?? null])));
  const [threshold, setThreshold] = useState(unsureThreshold);
  const [find, setFind] = useState<FindState | null>(null);
  const [hit, setHit] = useState(0);
  const [findFocus, setFindFocus] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useCallback((index: number, text: string, expected: number) => saveSegment({ id: recordingId, index, text, version: expected }), [recordingId]);
  const autosave = useAutosave(recordingId, version, save);
  const { restoreDrafts } = autosave;
  const rows = useRef(new Map<number, HTMLLIElement>());
  const fields = useRef(new Map<number, HTMLTextAreaElement>());

  useEffect(() => {
    const drafts = restoreDrafts();
    // sessionStorage only exists after hydration, so unsaved drafts can only come back in an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (drafts.size) setTexts((current) => new Map([...current, ...[...drafts].map(([index, draft]) => [index, draft.text] as const)]));
  }, [restoreDrafts]);

  useEffect(() => {
    const focus = takePendingFocus();
    const field = focus && fields.current.get(focus.index);
    if (!field) return;
    field.focus();
    field.setSelectionRange(focus.caret, focus.caret);
  }, []);

  const nowMs = player.currentTime * 1000;
  const active = segments.find((segment) => nowMs >= segment.startMs && nowMs < segment.endMs)?.index;
  useEffect(() => {
    if (active === undefined || !player.playing) return;
    rows.current.get(active)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active, player.playing]);

  const textOf = (index: number) => texts.get(index) ?? "";
  const hits = useMemo(
    () => (find && find.query ? segments.flatMap((segment) => findMatches(texts.get(segment.index) ?? "", find.query, find.options).map((match) => ({ index: segment.index, ...match }))) : []),
    [find, segments, texts],
  );
  const currentHit = hits.length > 0 ? Math.min(hit, hits.length - 1) : -1;
  const unsure = useMemo(
    () => segments.flatMap((segment) => findUnsureSpans(texts.get(segment.index) ?? "", segment, threshold).map((span) => ({ index: segment.index, ...span }))),
    [segments, texts, threshold],
  );

  function marksFor(index: number): TextMark[] {
    const marks: TextMark[] = unsure.filter((span) => span.index === index).map((span) => ({ ...span, kind: "unsure" }));
    hits.forEach((match, position) => {
      if (match.index === index) marks.push({ ...match, kind: position === currentHit ? "current" : "hit" });
    });
    return marks;
  }

  function change(index: number, text: string) {
    setTexts((current) => new Map(current).set(index, text));
    autosave.edit(index, text);
  }

  /** Another kind of change, after every typed edit is saved; shows why when it does not happen. */
  async function run<Data extends { version: number }>(action: (version: number) => Promise<ActionResult<Data>>): Promise<Data | null> {
    setNotice(null);
    const result = await autosave.perform(action);
    if (!result || !result.ok) {
      setNotice(result ? result.error.message : t("saveFirst"));
      return null;
    }
    return result.data;
  }

  async function assign(index: number, speakerId: string | null) {
    const before = speakerOf.get(index) ?? null;
    setSpeakerOf((current) => new Map(current).set(index, speakerId));
    if (!(await run((expected) => assignSpeakerAction({ id: recordingId, index, speakerId, version: expected })))) setSpeakerOf((current) => new Map(current).set(index, before));
  }

  async function saveSpeakers(list: { id?: string; name: string; color?: string }[]): Promise<Speaker[] | null> {
    const saved = await run((expected) => saveSpeakersAction({ id: recordingId, speakers: list, version: expected }));
    if (saved) setSpeakers(saved.speakers);
    return saved?.speakers ?? null;
  }

  async function addSpeaker(index: number, name: string) {
    const added = (await saveSpeakers([...speakers, { name }]))?.at(-1);
    if (added) await assign(index, added.id);
  }

  async function split(index: number) {
    focusAfterRender(index + 1, 0);
    const atChar = fields.current.get(index)?.selectionStart ?? 0;
    if (!(await run((expected) => splitSegmentAction({ id: recordingId, index, atChar, version: expected })))) takePendingFocus();
  }

  async function merge(index: number) {
    const previous = textOf(index - 1).trimEnd();
    focusAfterRender(index - 1, previous.length + (previous && textOf(index).trim() ? 1 : 0));
    if (!(await run((expected) => mergeSegmentsAction({ id: recordingId, index, version: expected })))) takePendingFocus();
  }

  function step(direction: 1 | -1) {
    if (hits.length === 0) return;
    const next = (currentHit + direction + hits.length) % hits.length;
    setHit(next);
    rows.current.get(hits[next]!.index)?.scrollIntoView({ block: "nearest" });
  }

  function replaceCurrent(replacement: string) {
    const match = hits[currentHit];
    if (!match) return;
    const text = textOf(match.index);
    change(match.index, text.slice(0, match.start) + replacement + text.slice(match.end));
  }

  async function replaceAll(replacement: string) {
    if (!find?.query) return;
    const { query, options } = find;
    await run((expected) => replaceAllAction({ id: recordingId, find: query, replace: replacement, ...options, version: expected }));
  }

  function jumpToUnsure() {
    const focused = document.activeElement instanceof HTMLTextAreaElement ? document.activeElement : null;
    const at = focused?.dataset.index === undefined ? -1 : Number(focused.dataset.index);
    const caret = focused?.selectionStart ?? -1;
    const next = unsure.find((span) => span.index > at || (span.index === at && span.start > caret)) ?? unsure[0];
    const field = next && fields.current.get(next.index);
    if (!next || !field) return setNotice(t("noUnsure"));
    field.focus();
    field.setSelectionRange(next.start, next.end);
    player.seek(next.startMs / 1000);
  }

  function openFind() {
    setFind((current) => current ?? closedFind);
    setFindFocus((count) => count + 1);
  }

  useEditorShortcuts({ onFind: openFind, onNextUnsure: jumpToUnsure });

  function onFieldKeyDown(index: number, event: React.KeyboardEvent<HTMLTextAreaElement>) {
    const field = event.currentTarget;
    if (event.ctrlKey && !event.altKey && event.key === "Enter") {
      event.preventDefault();
      void split(index);
    } else if (event.key === "Backspace" && !event.ctrlKey && !event.altKey && !event.shiftKey && field.selectionStart === 0 && field.selectionEnd === 0 && index > 0) {
      event.preventDefault();
      void merge(index);
    } else if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[0-9]$/.test(event.code)) {
      event.preventDefault();
      const number = Number(event.code.slice(5));
      const speaker = speakers[number - 1];
      if (number === 0) void assign(index, null);
      else if (speaker) void assign(index, speaker.id);
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">{t("hint")}</p>
        <SaveStatus state={autosave.state} refusal={autosave.refusal} onRetry={() => void autosave.retry()} />
      </div>
      <p className="text-xs text-slate-500">{t("shortcutsHint")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={openFind} className="rounded border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100">
          {t("find")}
        </button>
        <button type="button" onClick={jumpToUnsure} disabled={unsure.length === 0} className="rounded border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50" data-testid="next-unsure">
          {t("nextUnsure", { count: unsure.length })}
        </button>
        <ThresholdControl threshold={threshold} onChange={setThreshold} />
      </div>
      <SpeakerList speakers={speakers} onRename={(id, name) => void saveSpeakers(speakers.map((speaker) => (speaker.id === id ? { ...speaker, name } : speaker)))} />
      {find && (
        <FindBar
          find={find}
          focusKey={findFocus}
          onFind={(next) => {
            setFind(next);
            setHit(0);
          }}
          count={hits.length}
          current={currentHit}
          onStep={step}
          onReplace={replaceCurrent}
          onReplaceAll={(replacement) => void replaceAll(replacement)}
          onClose={() => setFind(null)}
        />
      )}
      <p role="status" className="text-sm text-red-700 empty:hidden" data-testid="editor-notice">
        {notice}
      </p>
      <ol className="space-y-1" data-testid="transcript-segments">
        {segments.map((segment, position) => (
          <SegmentRow
            key={segment.index}
            segment={segment}
            text={textOf(segment.index)}
            first={position === 0}
            active={segment.index === active}
            playing={player.playing}
            nowMs={nowMs}
            speakers={speakers}
            speakerId={speakerOf.get(segment.index) ?? null}
            marks={marksFor(segment.index)}
            rowRef={(element) => {
              if (element) rows.current.set(segment.index, element);
            }}
            textareaRef={(element) => {
              if (element) fields.current.set(segment.index, element);
            }}
            onChange={(text) => change(segment.index, text)}
            onKeyDown={(event) => onFieldKeyDown(segment.index, event)}
            onPlayFrom={(ms, play) => {
              player.seek(ms / 1000);
              if (play) player.play();
            }}
            onAssign={(speakerId) => void assign(segment.index, speakerId)}
            onAddSpeaker={(name) => void addSpeaker(segment.index, name)}
            onSplit={() => void split(segment.index)}
            onMerge={() => void merge(segment.index)}
          />
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
