"use client";

import { useRef } from "react";
import { splitIntoRuns, type TextMark } from "./text-marks";

type Props = Omit<React.ComponentProps<"textarea">, "value" | "className"> & { value: string; marks: TextMark[] };

const shared = "w-full whitespace-pre-wrap break-words rounded border px-1 py-0.5 leading-relaxed";

/**
 * A textarea with marks under its text (unsure words, search hits): a layer with the same text and
 * metrics sits behind the transparent textarea and paints only the marks. The layer is hidden from
 * screen readers, which get the same facts from the textarea's description.
 */
export function HighlightedTextarea({ value, marks, ...props }: Props) {
  const layer = useRef<HTMLDivElement>(null);
  return (
    <div className="relative">
      <div ref={layer} aria-hidden="true" className={`${shared} pointer-events-none absolute inset-0 overflow-hidden border-transparent text-transparent`}>
        {splitIntoRuns(value, marks).map((run, position) =>
          run.kinds.length === 0 ? (
            <span key={position}>{run.text}</span>
          ) : (
            <mark
              key={position}
              data-mark={run.kinds.join(" ")}
              className={`text-transparent ${run.kinds.includes("current") ? "bg-orange-300" : run.kinds.includes("hit") ? "bg-yellow-200" : "bg-transparent"} ${run.kinds.includes("unsure") ? "underline decoration-amber-600 decoration-wavy decoration-2 underline-offset-4" : ""}`}
            >
              {run.text}
            </mark>
          ),
        )}
        {/* A trailing newline needs something after it to take up its line, as it does in the textarea. */}
        {"\u200b"}
      </div>
      <textarea
        {...props}
        value={value}
        onScroll={(event) => {
          if (layer.current) layer.current.scrollTop = event.currentTarget.scrollTop;
        }}
        className={`${shared} relative block resize-none border-transparent bg-transparent [field-sizing:content] hover:border-slate-200 focus:border-slate-300`}
      />
    </div>
  );
}
