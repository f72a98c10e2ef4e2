"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { exportFormats } from "@/lib/transcripts/export/export-format";

/** The recording page's "Export" menu: one download link per format, timestamps optional. */
export function ExportMenu({ id }: { id: string }) {
  const t = useTranslations("export");
  const [timestamps, setTimestamps] = useState(false);
  return (
    <details className="relative" data-testid="export-menu">
      <summary className="cursor-pointer list-none rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t("menu")}</summary>
      <div className="absolute right-0 z-10 mt-1 w-60 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        <label className="flex items-center gap-2 px-2 py-1.5 text-sm">
          <input type="checkbox" checked={timestamps} onChange={(event) => setTimestamps(event.target.checked)} />
          {t("withTimestamps")}
        </label>
        <ul>
          {exportFormats.map((format) => (
            <li key={format}>
              <a
                href={`/api/v1/audio/${id}/export?${new URLSearchParams({ format, ...(timestamps ? { timestamps: "true" } : {}) })}`}
                download
                className="block rounded px-2 py-1.5 text-sm text-brand-700 hover:bg-slate-100"
              >
                {t(`formats.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
