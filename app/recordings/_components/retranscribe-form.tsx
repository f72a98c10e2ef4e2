"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { retranscribe } from "../_actions/retranscribe";

const LANGUAGES = ["auto", "uz", "ru", "en"] as const;

export function RetranscribeForm({ id, language, failed }: { id: string; language: string; failed: boolean }) {
  const t = useTranslations("transcription");
  const tLanguages = useTranslations("languages");
  const tRecordings = useTranslations("recordings");
  const [choice, setChoice] = useState(language);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const options = LANGUAGES.includes(language as (typeof LANGUAGES)[number]) ? LANGUAGES : [...LANGUAGES, language];

  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await retranscribe({ id, language: choice });
          setMessage(result.ok ? t("queued") : result.error.message);
        });
      }}
    >
      <label className="flex items-center gap-1">
        <span>{t("retranscribeLanguage")}</span>
        <select value={choice} onChange={(event) => setChoice(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1">
          {options.map((code) => (
            <option key={code} value={code}>
              {code === "auto" ? tRecordings("languageAuto") : tLanguages.has(code) ? tLanguages(code as "uz") : code}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60">
        {failed ? t("retry") : t("retranscribe")}
      </button>
      {message && (
        <span role="status" className="text-slate-600">
          {message}
        </span>
      )}
    </form>
  );
}
