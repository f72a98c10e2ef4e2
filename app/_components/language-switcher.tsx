"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { locales, type Locale } from "@/lib/i18n/locales";
import { setLocale } from "../_actions/set-locale";

export function LanguageSwitcher({ current }: { current: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function change(next: Locale) {
    startTransition(async () => {
      await setLocale(next);
      router.refresh();
    });
  }

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("header.language")}</span>
      <select
        data-testid="language-switcher"
        value={current}
        disabled={pending}
        onChange={(event) => change(event.target.value as Locale)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
