"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { setLocale } from "@/app/_actions/set-locale";
import { locales, type Locale } from "@/lib/i18n/locales";
import type { UzbekScript } from "@/lib/transcription/script/uzbek-script";
import { savePreferencesAction } from "../_actions/save-preferences";

type Preferences = { defaultLanguage: string; script: UzbekScript; vocabulary: string; unsureThreshold: number; locale: Locale };

const VOCABULARY_MAX = 500;
const fieldClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5";

/** The signed-in user's preferences, saved together; the page then renders again with them (and in the chosen language). */
export function PreferencesForm({ initial, languageOptions }: { initial: Preferences; languageOptions: { code: string; label: string }[] }) {
  const t = useTranslations("settings");
  const tLanguages = useTranslations("languages");
  const router = useRouter();
  const id = useId();
  const [defaultLanguage, setDefaultLanguage] = useState(initial.defaultLanguage);
  const [script, setScript] = useState(initial.script);
  const [vocabulary, setVocabulary] = useState(initial.vocabulary);
  const [percent, setPercent] = useState(String(Math.round(initial.unsureThreshold * 100)));
  const [locale, setLocaleChoice] = useState(initial.locale);
  // "Saved" is rendered, not stored: after a change of interface language it must be in the new one.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    startTransition(async () => {
      const result = await savePreferencesAction({
        default_language: defaultLanguage,
        transcript_script: script,
        vocabulary: vocabulary.trim() === "" ? null : vocabulary,
        unsure_threshold: Number(percent) / 100,
      });
      if (!result.ok) return setStatus({ ok: false, message: result.error.message });
      setVocabulary(result.data.vocabulary ?? "");
      if (locale !== initial.locale) {
        const switched = await setLocale(locale);
        if (!switched.ok) return setStatus({ ok: false, message: switched.error.message });
      }
      setStatus({ ok: true });
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6" data-testid="preferences-form">
      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-medium">{t("transcription")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-language`} className="text-sm font-medium">
            {t("defaultLanguage")}
          </label>
          <select id={`${id}-language`} aria-describedby={`${id}-language-hint`} value={defaultLanguage} onChange={(event) => setDefaultLanguage(event.target.value)} className={`${fieldClass} w-64`}>
            {languageOptions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.label}
              </option>
            ))}
          </select>
          <p id={`${id}-language-hint`} className="text-sm text-slate-600">
            {t("defaultLanguageHint")}
          </p>
        </div>
        <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-script-hint`}>
          <legend className="text-sm font-medium">{t("script")}</legend>
          <div className="flex gap-4 text-sm">
            {(["latin", "cyrillic"] as const).map((value) => (
              <label key={value} className="flex items-center gap-1.5">
                <input type="radio" name={`${id}-script`} value={value} checked={script === value} onChange={() => setScript(value)} />
                {t(`scripts.${value}`)}
              </label>
            ))}
          </div>
          <p id={`${id}-script-hint`} className="text-sm text-slate-600">
            {t("scriptHint")}
          </p>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-vocabulary`} className="text-sm font-medium">
            {t("vocabulary")}
          </label>
          <textarea
            id={`${id}-vocabulary`}
            aria-describedby={`${id}-vocabulary-hint`}
            value={vocabulary}
            maxLength={VOCABULARY_MAX}
            rows={4}
            onChange={(event) => setVocabulary(event.target.value)}
            className={fieldClass}
          />
          <p id={`${id}-vocabulary-hint`} className="text-sm text-slate-600">
            {t("vocabularyHint", { used: vocabulary.length, max: VOCABULARY_MAX })}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-threshold`} className="text-sm font-medium">
            {t("threshold")}
          </label>
          <div className="flex items-center gap-1 text-sm">
            <input
              id={`${id}-threshold`}
              aria-describedby={`${id}-threshold-hint`}
              type="number"
              min={0}
              max={100}
              step={5}
              required
              value={percent}
              onChange={(event) => setPercent(event.target.value)}
              className={`${fieldClass} w-20`}
            />
            %
          </div>
          <p id={`${id}-threshold-hint`} className="text-sm text-slate-600">
            {t("thresholdHint")}
          </p>
        </div>
      </fieldset>
      <fieldset className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-medium">{t("interface")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-locale`} className="text-sm font-medium">
            {t("interfaceLanguage")}
          </label>
          <select id={`${id}-locale`} value={locale} onChange={(event) => setLocaleChoice(event.target.value as Locale)} className={`${fieldClass} w-64`}>
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {tLanguages(code)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("save")}
        </button>
        {status && (
          <span role={status.ok ? "status" : "alert"} className={status.ok ? "text-sm text-emerald-800" : "text-sm text-red-700"} data-testid="preferences-status">
            {status.ok ? t("saved") : status.message}
          </span>
        )}
      </div>
    </form>
  );
}
