import { describe, expect, it } from "vitest";
import { foldSearchText } from "@/lib/recordings/search/fold-search-text";
import { markSnippet } from "@/lib/recordings/search/mark-snippet";

describe("folding for search", () => {
  it("makes every way of typing oʻ, gʻ and ʼ the same, and drops case, Latin accents and ё", () => {
    const variants = ["o'qish", "o‘qish", "oʻqish", "o’qish", "o`qish", "Oʻqish", "OQISH"];
    expect(new Set(variants.map((variant) => foldSearchText(variant).folded))).toEqual(new Set(["oqish"]));
    expect(foldSearchText("gʻalla G'ALLA g`alla").folded).toBe("galla galla galla");
    expect(foldSearchText("taʼlim ta'lim ta’lim").folded).toBe("talim talim talim");
    expect(foldSearchText("ЁЛКА Ўзбек Қўй ҒАЛЛА").folded).toBe("елка ўзбек қўй ғалла");
    expect(foldSearchText("Café").folded).toBe("cafe");
  });

  it("remembers where each folded character came from", () => {
    const { folded, origin } = foldSearchText("Oʻzbek");
    expect(folded).toBe("ozbek");
    expect(origin).toEqual([0, 2, 3, 4, 5, 6]);
  });
});

describe("marking a snippet", () => {
  it("marks the hit in the original text, apostrophe variant and case as written", () => {
    expect(markSnippet("Bugun OʻQITUVCHI keldi", "o'qituvchi")).toBe("Bugun <mark>OʻQITUVCHI</mark> keldi");
    expect(markSnippet("Biz kitoblarimizdan oʻrgandik", "kitob")).toBe("Biz <mark>kitob</mark>larimizdan oʻrgandik");
    expect(markSnippet("Ёжик в тумане", "ежик")).toBe("<mark>Ёжик</mark> в тумане");
    expect(markSnippet("nothing here", "kitob")).toBeNull();
    expect(markSnippet("anything", "  ")).toBeNull();
  });

  it("cuts long text at word boundaries around the hit", () => {
    const words = Array.from({ length: 60 }, (_, position) => `soʻz${position}`);
    words[30] = "maqsad";
    const snippet = markSnippet(words.join(" "), "MAQSAD")!;
    expect(snippet).toMatch(/^…soʻz\d+ .*<mark>maqsad<\/mark> .* soʻz\d+…$/);
    expect(snippet.length).toBeLessThan(160);
  });

  it("marks where a word starts with the query, as search matches, before the same letters inside a word", () => {
    expect(markSnippet("Bu kishi ishladi", "ish")).toBe("Bu kishi <mark>ish</mark>ladi");
    expect(markSnippet("kishi", "ish")).toBe("k<mark>ish</mark>i");
  });
});
