// use-intl/core (what next-intl re-exports) rather than next-intl: the transcription pipeline runs in
// the standalone worker too, outside Next's bundle, where next-intl's entry pulls in React client code.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

/** The name a speaker the engine told apart gets until someone renames it: "Speaker 2" in `locale`. */
export function defaultSpeakerName(locale: Locale, number: number): string {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "editor" })("defaultSpeakerName", { number });
}
