"use client";

import { useTranslations } from "next-intl";
import type { SaveState } from "./use-autosave";

export function SaveStatus({ state, refusal, onRetry }: { state: SaveState; refusal?: string | null; onRetry: () => void }) {
  const t = useTranslations("editor");
  if (state === "idle") return null;
  if (state === "failed") {
    return (
      <span role="alert" className="flex items-center gap-2 text-red-700" data-testid="save-status" data-state={state}>
        {refusal ?? t("failed")}
        <button type="button" onClick={onRetry} className="font-medium underline">
          {t("retry")}
        </button>
      </span>
    );
  }
  return (
    <span role="status" className={state === "saved" ? "text-emerald-700" : "text-slate-600"} data-testid="save-status" data-state={state}>
      {t(state === "saving" ? "saving" : state === "saved" ? "saved" : "conflict")}
    </span>
  );
}
