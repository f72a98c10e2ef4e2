"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { exportFormats } from "@/lib/transcripts/export/export-format";

export const EXPORT_FORM_ID = "export-selected";

/** The list's checkboxes that belong to this form (through `form=`, since they sit outside it). */
function countTicked(): number {
  return document.querySelectorAll(`input[name="ids"][form="${EXPORT_FORM_ID}"]:checked`).length;
}

/**
 * "Export" for the recordings ticked in the list: a plain GET to the zip route, so the browser streams
 * the download itself. With nothing ticked the button is disabled (already in the server's HTML, so
 * also before hydration) and says why, because the route would only answer with an error; the form
 * has no text field, so there is no other way to submit it.
 */
export function ExportSelectedForm() {
  const t = useTranslations("export");
  const [ticked, setTicked] = useState(0);

  useEffect(() => {
    // The browser may restore ticks (back navigation), so count what is there, then follow every change.
    const recount = () => setTicked(countTicked());
    recount();
    document.addEventListener("change", recount);
    return () => document.removeEventListener("change", recount);
  }, []);

  return (
    <form
      id={EXPORT_FORM_ID}
      method="get"
      action="/api/v1/audio/export"
      className="flex flex-wrap items-center gap-2 text-sm"
      data-testid="export-selected"
    >
      <label className="flex items-center gap-2">
        {t("formatLabel")}
        <select name="format" defaultValue="txt" className="rounded-md border border-slate-300 bg-white px-2 py-1.5">
          {exportFormats.map((format) => (
            <option key={format} value={format}>
              {t(`formats.${format}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="timestamps" value="true" />
        {t("withTimestamps")}
      </label>
      <button
        type="submit"
        disabled={ticked === 0}
        aria-describedby={ticked === 0 ? "export-selected-hint" : undefined}
        className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
      >
        {ticked === 0 ? t("exportSelectedButton") : t("exportTickedButton", { count: ticked })}
      </button>
      {ticked === 0 && (
        <span id="export-selected-hint" className="text-slate-600" data-testid="export-selected-hint">
          {t("nothingSelected")}
        </span>
      )}
    </form>
  );
}
