import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { messagesFor } from "@/lib/i18n/messages";

describe("negotiateLocale", () => {
  it("defaults to Uzbek", () => {
    expect(negotiateLocale({})).toBe("uz");
  });

  it("prefers the stored preference, then the cookie, then Accept-Language", () => {
    expect(negotiateLocale({ userPreference: "en", cookie: "ru", acceptLanguage: "uz" })).toBe("en");
    expect(negotiateLocale({ userPreference: null, cookie: "ru", acceptLanguage: "en" })).toBe("ru");
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "en-US,en;q=0.9" })).toBe("en");
  });

  it.each([
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["de-DE,en;q=0.5", "en"],
    ["uz-Latn-UZ", "uz"],
    ["fr-FR", "uz"],
    ["", "uz"],
    ["*", "uz"],
    ["!!!,;;;q=abc", "uz"],
  ])("maps Accept-Language %j to %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe("message catalogs", () => {
  function keysOf(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
  }

  it("ru and en have exactly the keys of uz", () => {
    const uzKeys = keysOf(messagesFor("uz")).sort();
    expect(keysOf(messagesFor("ru")).sort()).toEqual(uzKeys);
    expect(keysOf(messagesFor("en")).sort()).toEqual(uzKeys);
  });

  it("has no empty strings", () => {
    for (const locale of ["uz", "ru", "en"] as const) {
      const empty = keysOf(messagesFor(locale)).filter((key) => {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messagesFor(locale));
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
