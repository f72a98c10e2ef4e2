import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/current-user";
import { isLocale, locales } from "@/lib/i18n/locales";
import { WHISPER_LANGUAGES } from "@/lib/transcription/language/whisper-languages";
import { findUserById } from "@/lib/users/find-user-by-id";
import { PreferencesForm } from "./_components/preferences-form";

// The app's own languages first, as people here mostly pick them; then every other language Whisper knows.
const FIRST = ["uz", "ru", "en"];

export default async function SettingsPage() {
  const caller = await requireSessionUser();
  const user = await findUserById(caller.id);
  if (!user) notFound();
  const [t, tLanguages, locale] = await Promise.all([getTranslations("settings"), getTranslations("languages"), getLocale()]);
  const names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
  const labelOf = (code: string) => (isLocale(code) ? tLanguages(code) : (names.of(code) ?? WHISPER_LANGUAGES[code]!));
  const others = Object.keys(WHISPER_LANGUAGES)
    .filter((code) => !FIRST.includes(code))
    .map((code) => ({ code, label: labelOf(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const languageOptions = [{ code: "auto", label: t("languageAuto") }, ...FIRST.map((code) => ({ code, label: labelOf(code) })), ...others];

  return (
    <section aria-labelledby="settings-title" className="space-y-4">
      <h1 id="settings-title" className="text-2xl font-semibold tracking-tight">
        {t("title")}
      </h1>
      <PreferencesForm
        initial={{
          defaultLanguage: user.defaultLanguage ?? "auto",
          script: user.transcriptScript,
          vocabulary: user.vocabulary ?? "",
          unsureThreshold: user.unsureThreshold,
          locale: isLocale(locale) ? locale : locales[0],
        }}
        languageOptions={languageOptions}
      />
    </section>
  );
}
