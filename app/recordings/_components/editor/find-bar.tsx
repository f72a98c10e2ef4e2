"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { FindOptions } from "@/lib/transcripts/find/find-options";

export type FindState = { query: string; options: Required<FindOptions> };

type Props = {
  find: FindState;
  /** Changes whenever the find field should take the focus again (Ctrl+F while open). */
  focusKey: number;
  onFind: (find: FindState) => void;
  count: number;
  /** Position of the current hit, 0-based; -1 when there is none. */
  current: number;
  onStep: (direction: 1 | -1) => void;
  onReplace: (replacement: string) => void;
  onReplaceAll: (replacement: string) => void;
  onClose: () => void;
};

/** Find (Enter: next, Shift+Enter: previous, Esc: close) and replace in the whole transcript. */
export function FindBar({ find, focusKey, onFind, count, current, onStep, onReplace, onReplaceAll, onClose }: Props) {
  const t = useTranslations("editor");
  const [replacement, setReplacement] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), [focusKey]);
  const button = "rounded border border-slate-300 px-2 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-50";
  const checkbox = (key: keyof FindState["options"], label: string) => (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" checked={find.options[key]} onChange={(event) => onFind({ ...find, options: { ...find.options, [key]: event.target.checked } })} />
      {label}
    </label>
  );

  return (
    <search
      className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 p-2"
      data-testid="find-bar"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <input
        ref={input}
        type="search"
        value={find.query}
        onChange={(event) => onFind({ ...find, query: event.target.value })}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            onStep(event.shiftKey ? -1 : 1);
          }
        }}
        aria-label={t("findLabel")}
        className="w-40 rounded border border-slate-300 px-2 py-1 text-sm"
        data-testid="find-input"
      />
      <span role="status" className="min-w-16 text-sm text-slate-600 tabular-nums" data-testid="find-count">
        {find.query === "" ? "" : count === 0 ? t("noHits") : t("hits", { current: current + 1, count })}
      </span>
      <button type="button" className={button} onClick={() => onStep(-1)} disabled={count === 0} aria-label={t("previousHit")}>
        ↑
      </button>
      <button type="button" className={button} onClick={() => onStep(1)} disabled={count === 0} aria-label={t("nextHit")}>
        ↓
      </button>
      {checkbox("matchCase", t("matchCase"))}
      {checkbox("wholeWord", t("wholeWord"))}
      <input
        value={replacement}
        onChange={(event) => setReplacement(event.target.value)}
        aria-label={t("replaceLabel")}
        className="w-40 rounded border border-slate-300 px-2 py-1 text-sm"
        data-testid="replace-input"
      />
      <button type="button" className={button} onClick={() => onReplace(replacement)} disabled={current < 0}>
        {t("replace")}
      </button>
      <button type="button" className={button} onClick={() => onReplaceAll(replacement)} disabled={count === 0}>
        {t("replaceAll")}
      </button>
      <button type="button" className={button} onClick={onClose} aria-label={t("closeFind")}>
        ✕
      </button>
    </search>
  );
}
