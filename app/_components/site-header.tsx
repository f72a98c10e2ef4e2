import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const [t, locale] = await Promise.all([getTranslations("header"), getLocale()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
          {t("product")}
        </Link>
        <div className="flex items-center gap-3">
          <LanguageSwitcher current={locale} />
          <Link href="/login" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t("signIn")}
          </Link>
        </div>
      </div>
    </header>
  );
}
