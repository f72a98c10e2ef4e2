import { describe, expect, it } from "vitest";
import { formatPhoneInput } from "@/lib/auth/format-phone-input";
import { normalizePhone } from "@/lib/auth/normalize-phone";
import { AppError } from "@/lib/errors/app-error";

function refusal(input: unknown, countries: string[] = ["UZ"]): string {
  try {
    normalizePhone(input, countries);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error(`${JSON.stringify(input)} was accepted`);
}

describe("normalizePhone", () => {
  it.each([
    ["+998 90 123 45 67", "+998901234567"],
    ["90 123 45 67", "+998901234567"],
    ["+998 (90) 123-45-67", "+998901234567"],
    ["998901234567", "+998901234567"],
  ])("reads %j as %s", (input, expected) => {
    expect(normalizePhone(input, ["UZ"])).toBe(expected);
  });

  it.each([
    ["", "phone_required"],
    [undefined, "phone_required"],
    [["+998901234567"], "phone_required"],
    ["abc", "phone_invalid"],
    ["+998 90 123 45 6x", "phone_invalid"],
    ["＋９９８９０１２３４５６７", "phone_invalid"],
    ["+9989012345678901", "phone_invalid"],
    ["1".repeat(40), "phone_invalid"],
    ["+998 90 12", "phone_invalid"],
  ])("refuses malformed %j with %s", (input, code) => {
    expect(refusal(input)).toBe(code);
  });

  it("refuses countries that are not allowed", () => {
    expect(refusal("+7 916 123 45 67")).toBe("phone_country_not_allowed");
    expect(normalizePhone("+7 916 123 45 67", ["UZ", "RU"])).toBe("+79161234567");
  });

  it.each([
    ["+998 71 234 56 78", ["UZ"], "landline"],
    ["+44 909 123 4567", ["GB"], "premium rate"],
    ["+44 800 123 4567", ["GB"], "toll free"],
    ["+1 800 555 1234", ["US"], "toll free"],
  ])("refuses %s (%s) before any SMS is sent", (input, countries) => {
    expect(refusal(input, countries)).toBe("phone_not_mobile");
  });

  it("accepts fixed-line-or-mobile numbers where a country does not tell them apart", () => {
    expect(normalizePhone("+1 202 555 0123", ["US"])).toBe("+12025550123");
  });
});

describe("formatPhoneInput", () => {
  it.each([
    ["90 123 45 67", "+998 90 123 45 67"],
    ["901234567", "+998 90 123 45 67"],
    ["+998901234567", "+998 90 123 45 67"],
    ["998901234567", "+998 90 123 45 67"],
    ["+998 90", "+998 90"],
    ["+7 916 1234567", "+7 916 123 45 67"],
    ["", ""],
    ["+", "+"],
    ["9a0b", "+998 90"],
  ])("formats %j as %j", (typed, shown) => {
    expect(formatPhoneInput(typed)).toBe(shown);
  });
});
