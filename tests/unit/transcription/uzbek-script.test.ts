import { describe, expect, it } from "vitest";
import { cyrillicToLatin } from "@/lib/transcription/script/cyrillic-to-latin";
import { latinToCyrillic } from "@/lib/transcription/script/latin-to-cyrillic";
import { normalizeUzbekLatin } from "@/lib/transcription/script/normalize-uzbek-latin";
import { writeUzbekScript } from "@/lib/transcription/script/write-uzbek-script";

// ʻ is U+02BB (oʻ, gʻ), ʼ is U+02BC (the tutuq belgisi); written as escapes where it matters.
const O = "o\u02BB";
const G = "g\u02BB";

// Cyrillic and the official Latin spelling of the same sentence (UDHR article 1, news and school texts).
const sentences: Array<[cyrillic: string, latin: string]> = [
  ["Барча одамлар эркин, қадр-қиммат ва ҳуқуқларда тенг бўлиб туғиладилар.", `Barcha odamlar erkin, qadr-qimmat va huquqlarda teng b${O}lib tu${G}iladilar.`],
  ["Уларга ақл ва виждон ато қилинган.", "Ularga aql va vijdon ato qilingan."],
  ["Ўзбекистон Республикаси Президенти", "O\u02BBzbekiston Respublikasi Prezidenti"],
  ["Ёшлар — келажагимиз.", "Yoshlar — kelajagimiz."],
  ["Шаҳар марказида янги мактаб қурилди.", "Shahar markazida yangi maktab qurildi."],
  ["Ер юзида ғалаба куни нишонланди.", `Yer yuzida ${G}alaba kuni nishonlandi.`],
  ["Бу сўзнинг маъноси ва таъсири катта.", `Bu s${O}zning ma\u02BCnosi va ta\u02BCsiri katta.`],
  ["Поезд концертга кечикди.", "Poyezd konsertga kechikdi."],
  ["Цирк ва милиция", "Sirk va militsiya"],
  ["Съезд ва пьеса", "Syezd va pyesa"],
  ["Чўл ва Ғарб", `Ch${O}l va G\u02BBarb`],
  ["ЎЗБЕКИСТОН ЧЕМПИОН", "O\u02BBZBEKISTON CHEMPION"],
  ["Ўқитувчи шеър ўқиди.", `O\u02BBqituvchi she\u02BCr ${O}qidi.`],
];

describe("cyrillicToLatin", () => {
  it.each(sentences)("%s", (cyrillic, latin) => {
    expect(cyrillicToLatin(cyrillic)).toBe(latin);
  });

  it("writes е as ye only at the start of a word and after a vowel", () => {
    expect(cyrillicToLatin("ер келди, оила ейди")).toBe("yer keldi, oila yeydi");
  });

  it("leaves Latin letters, digits and punctuation alone", () => {
    expect(cyrillicToLatin("iPhone 15 — 2024-йил")).toBe("iPhone 15 — 2024-yil");
  });
});

describe("latinToCyrillic", () => {
  it.each(sentences.filter(([cyrillic]) => !/[цъщ]|Съ|Ц/u.test(cyrillic)))("%s", (cyrillic, latin) => {
    expect(latinToCyrillic(latin)).toBe(cyrillic);
  });

  it("writes e as э at the start of a word and after a vowel, and reads the tutuq as ъ", () => {
    expect(latinToCyrillic("eshik, poema, ma\u02BCno")).toBe("эшик, поэма, маъно");
  });

  it("takes any apostrophe people type for oʻ and gʻ, and reads sʼh as сҳ", () => {
    expect(latinToCyrillic("O'zbekiston, g‘alaba, o’qish, Is\u02BChoq")).toBe("Ўзбекистон, ғалаба, ўқиш, Исҳоқ");
  });
});

describe("normalizeUzbekLatin", () => {
  it.each([
    ["O'zbekiston", `${"O"}\u02BBzbekiston`],
    ["o‘qish o’qish o`qish oʼqish", `${O}qish ${O}qish ${O}qish ${O}qish`],
    ["G'alaba tog'", `G\u02BBalaba tog'`],
    ["ma'no ta’sir she`r", "ma\u02BCno ta\u02BCsir she\u02BCr"],
  ])("%s", (input, expected) => {
    expect(normalizeUzbekLatin(input)).toBe(expected);
  });

  it("leaves quotation marks alone", () => {
    expect(normalizeUzbekLatin("U 'yaxshi' dedi.")).toBe("U 'yaxshi' dedi.");
  });
});

describe("writeUzbekScript", () => {
  it.each(sentences)("is idempotent in both scripts: %s", (cyrillic, latin) => {
    for (const text of [cyrillic, latin]) {
      const inLatin = writeUzbekScript(text, "latin");
      const inCyrillic = writeUzbekScript(text, "cyrillic");
      expect(writeUzbekScript(inLatin, "latin")).toBe(inLatin);
      expect(writeUzbekScript(inCyrillic, "cyrillic")).toBe(inCyrillic);
    }
    expect(writeUzbekScript(cyrillic, "latin")).toBe(latin);
  });

  it("converts mixed text to one script", () => {
    expect(writeUzbekScript("Men o'zbekman, сиз ҳам", "latin")).toBe(`Men ${O}zbekman, siz ham`);
  });
});
