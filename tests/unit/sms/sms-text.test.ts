import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { formatOtpSms, formatSignInAttackSms } from "@/lib/sms/sms-text";

// The GSM 03.38 basic character set: text made only of these fits 160 characters in one SMS.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const isGsm7 = (text: string) => [...text].every((char) => GSM7_BASIC.includes(char));

describe("formatOtpSms", () => {
  it.each([
    ["uz", "Yozuv: kirish kodingiz 123456. Uni hech kimga bermang."],
    ["ru", "Yozuv: ваш код для входа 123456. Никому его не сообщайте."],
    ["en", "Yozuv: your sign-in code is 123456. Do not share it with anyone."],
  ] as const)("writes the %s text", (locale, expected) => {
    expect(formatOtpSms({ code: "123456", locale })).toBe(expected);
  });

  it.each(locales)("puts the code in the %s text, naming Yozuv", (locale) => {
    const text = formatOtpSms({ code: "905172", locale });
    expect(text).toMatch(/^Yozuv: /);
    expect(text).toContain("905172");
  });

  it.each(locales)("ends the %s text with the WebOTP line `@host #code`", (locale) => {
    const lines = formatOtpSms({ code: "905172", locale, host: "yozuv.example.uz" }).split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(formatOtpSms({ code: "905172", locale }));
    expect(lines.at(-1)).toBe("@yozuv.example.uz #905172");
  });

  it.each([
    ["localhost:3000", "@localhost #111222"],
    ["https://Yozuv.Example.UZ:8443/path", "@yozuv.example.uz #111222"],
  ])("binds to the bare host name of %s (the format has no port or scheme)", (host, lastLine) => {
    expect(formatOtpSms({ code: "111222", locale: "en", host }).split("\n").at(-1)).toBe(lastLine);
  });

  it("leaves the WebOTP line out for a host it cannot express, rather than fail the sign-in", () => {
    expect(formatOtpSms({ code: "111222", locale: "en", host: "[::1]:3000" })).toBe(formatOtpSms({ code: "111222", locale: "en" }));
  });

  it("refuses a code that would break the whitespace-separated WebOTP line", () => {
    expect(() => formatOtpSms({ code: "12 34", locale: "en" })).toThrow();
  });

  it.each(["uz", "en"] as const)("keeps %s in one GSM-7 segment, WebOTP line included", (locale) => {
    const text = formatOtpSms({ code: "123456", locale, host: "yozuv.example.uz" });
    expect(isGsm7(text)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(160);
  });

  it("keeps the Russian text within one UCS-2 segment (70) before the WebOTP line", () => {
    const text = formatOtpSms({ code: "123456", locale: "ru" });
    expect(isGsm7(text)).toBe(false);
    expect(text.length).toBeLessThanOrEqual(70);
  });
});

describe("formatSignInAttackSms", () => {
  it.each(locales)("names Yozuv in %s, fits one segment and has no digits to mistake for a code", (locale) => {
    const text = formatSignInAttackSms(locale);
    expect(text).toMatch(/^Yozuv: /);
    expect(text).not.toMatch(/[0-9]/);
    expect(text.length).toBeLessThanOrEqual(isGsm7(text) ? 160 : 70);
    expect(isGsm7(text)).toBe(locale !== "ru");
  });
});
