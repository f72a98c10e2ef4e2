import en from "./messages/en.json";
import ru from "./messages/ru.json";
import uz from "./messages/uz.json";
import type { Locale } from "./locales";

// uz is the source of truth for the shape; tests check ru and en have exactly the same keys.
export type Messages = typeof uz;

const catalog: Record<Locale, Messages> = { uz, ru, en };

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}
