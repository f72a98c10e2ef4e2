import { describe, expect, it } from "vitest";
import { findMatches } from "@/lib/transcripts/find/find-matches";
import { replaceMatches } from "@/lib/transcripts/find/replace-matches";

const texts = (text: string, query: string, options = {}) => findMatches(text, query, options).map(({ start, end }) => text.slice(start, end));

describe("finding in a transcript", () => {
  it("treats the Uzbek apostrophe letters as one: o' o‘ oʻ o’ and g' likewise", () => {
    const text = "o'zbek o‘zbek oʻzbek o’zbek o`zbek ozbek";
    for (const query of ["o'zbek", "o‘zbek", "oʻzbek", "o’zbek"]) expect(texts(text, query)).toEqual(["o'zbek", "o‘zbek", "oʻzbek", "o’zbek", "o`zbek"]);
    expect(texts("tog' tog‘ togʻ tog’", "tog‘")).toHaveLength(4);
    expect(texts("G'alaba g‘alaba", "g'alaba")).toEqual(["G'alaba", "g‘alaba"]);
  });

  it("ignores case unless asked, in Latin and Cyrillic", () => {
    expect(texts("Salom salom SALOM", "salom")).toEqual(["Salom", "salom", "SALOM"]);
    expect(texts("Salom salom SALOM", "salom", { matchCase: true })).toEqual(["salom"]);
    expect(texts("Привет привет", "ПРИВЕТ")).toHaveLength(2);
  });

  it("with whole word, skips matches inside longer words (an apostrophe belongs to the word)", () => {
    expect(texts("dars darslar dars.", "dars", { wholeWord: true })).toEqual(["dars", "dars"]);
    expect(texts("o‘g‘il o‘g‘illar", "o'g'il", { wholeWord: true })).toEqual(["o‘g‘il"]);
    expect(texts("ma'no", "ma", { wholeWord: true })).toEqual([]);
  });

  it("takes the query literally and reports offsets", () => {
    expect(findMatches("a.b axb (c)", "a.b")).toEqual([{ start: 0, end: 3 }]);
    expect(texts("(c) [d]", "(c)")).toEqual(["(c)"]);
    expect(texts("ko‘k-yashil a/b {x}", "k-yashil")).toEqual(["k-yashil"]);
    expect(texts("a/b {x} \\d", "\\d")).toEqual(["\\d"]);
    expect(findMatches("abc", "")).toEqual([]);
  });
});

describe("replacing in a transcript", () => {
  it("replaces every match literally and counts them", () => {
    expect(replaceMatches("o'zbek tili, O‘zbek xalqi", "o‘zbek", "oʻzbek")).toEqual({ text: "oʻzbek tili, oʻzbek xalqi", count: 2 });
    expect(replaceMatches("a a", "a", "$&$1")).toEqual({ text: "$&$1 $&$1", count: 2 });
    expect(replaceMatches("abc", "x", "y")).toEqual({ text: "abc", count: 0 });
  });
});
