import { parsePhoneNumber } from "libphonenumber-js/min";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { sessionUser } from "@/lib/auth/current-user";
import { signOutAction } from "../_actions/sign-out";
import { signOutEverywhereAction } from "../_actions/sign-out-everywhere";
import { HeaderMenu } from "./header-menu";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const [t, locale, user] = await Promise.all([getTranslations("header"), getLocale(), sessionUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="relative mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-4">
          <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
            {t("product")}
          </Link>
          {user && (
            <nav aria-label={t("mainNavigation")} className="flex gap-4">
              <Link href="/recordings" className="text-sm font-medium text-slate-700 hover:text-brand-700">
                {t("recordings")}
              </Link>
              {/* A plain link: /api/docs is a standalone page (a route handler), not part of the app. */}
              <a href="/api/docs" className="text-sm font-medium text-slate-700 hover:text-brand-700">
                {t("apiDocs")}
              </a>
              {user.role === "admin" && (
                <Link href="/admin/users" className="text-sm font-medium text-slate-700 hover:text-brand-700">
                  {t("admin")}
                </Link>
              )}
            </nav>
          )}
        </div>
        {user ? (
          <HeaderMenu>
            <LanguageSwitcher current={locale} />
            <span className="text-sm text-slate-600" data-testid="signed-in-as">
              {t("signedInAs", { phone: parsePhoneNumber(user.phone).formatInternational() })}
            </span>
            <Link href="/settings" className="text-sm font-medium text-slate-700 hover:text-brand-700" data-testid="settings-link">
              {t("settings")}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
                {t("signOut")}
              </button>
            </form>
            <form action={signOutEverywhereAction}>
              <button type="submit" className="rounded-md px-2 py-1.5 text-sm text-slate-600 underline-offset-2 hover:underline">
                {t("signOutEverywhere")}
              </button>
            </form>
          </HeaderMenu>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <LanguageSwitcher current={locale} />
            <Link href="/login" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
              {t("signIn")}
            </Link>
          </div>
        )}
      </div>
    </header>
  );
}
