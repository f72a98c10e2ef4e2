import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

/** The name a speaker the engine told apart gets until someone renames it: "Speaker 2" in `locale`. */
export function defaultSpeakerName(locale: Locale, number: number): string {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "editor" })("defaultSpeakerName", { number });
}
