"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveUnsureThresholdAction } from "../../_actions/save-unsure-threshold";

/** The signed-in user's line for marking unsure words, in percent; saved for them, applied at once. */
export function ThresholdControl({ threshold, onChange }: { threshold: number; onChange: (threshold: number) => void }) {
  const t = useTranslations("editor");
  const [percent, setPercent] = useState(String(Math.round(threshold * 100)));
  const commit = () => {
    const value = Math.min(100, Math.max(0, Math.round(Number(percent))));
    if (!Number.isFinite(value)) return setPercent(String(Math.round(threshold * 100)));
    setPercent(String(value));
    if (value / 100 === threshold) return;
    onChange(value / 100);
    void saveUnsureThresholdAction({ threshold: value / 100 });
  };
  return (
    <label className="flex items-center gap-1 text-sm text-slate-700">
      {t("threshold")}
      <input
        type="number"
        min={0}
        max={100}
        step={5}
        value={percent}
        onChange={(event) => setPercent(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
        className="w-16 rounded border border-slate-300 px-1 py-0.5"
        data-testid="unsure-threshold"
      />
      %
    </label>
  );
}
