import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import type { ExportLabels } from "./export-document";

/** The document formats' metadata headings in one of the app's languages. */
export function exportLabels(locale: Locale): ExportLabels {
  const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "export" });
  return { file: t("file"), duration: t("duration"), language: t("language"), created: t("created") };
}
