import { normalizeUzbekLatin } from "./normalize-uzbek-latin";
import { OKINA, TUTUQ } from "./uzbek-script";

const VOWELS = new Set("aeiou");
// Longest first: two-letter combinations before their single letters.
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  [`o${OKINA}`, "ў"], [`g${OKINA}`, "ғ"], ["sh", "ш"], ["ch", "ч"], ["yo", "ё"], ["yu", "ю"], ["ya", "я"], ["ye", "е"],
];
const LETTERS: Readonly<Record<string, string>> = {
  a: "а", b: "б", c: "ц", d: "д", f: "ф", g: "г", h: "ҳ", i: "и", j: "ж", k: "к", l: "л", m: "м", n: "н", o: "о",
  p: "п", q: "қ", r: "р", s: "с", t: "т", u: "у", v: "в", w: "в", x: "х", y: "й", z: "з", [TUTUQ]: "ъ",
};

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
const isUpper = (char: string | undefined) => char !== undefined && char !== char.toLowerCase();

/**
 * The 1995 Latin alphabet back to Uzbek Cyrillic, for people who read Cyrillic. e is э at the start of
 * a word and after a vowel (eshik → эшик, poema → поэма), е elsewhere; ʼ is ъ, except as the separator
 * in sʼh / cʼh (Isʼhoq → Исҳоқ), where it only marks that the letters are not sh / ch.
 */
export function latinToCyrillic(text: string): string {
  const chars = [...normalizeUzbekLatin(text)];
  let out = "";
  for (let i = 0; i < chars.length; ) {
    const pair = (chars[i]! + (chars[i + 1] ?? "")).toLowerCase();
    const digraph = DIGRAPHS.find(([latin]) => latin === pair);
    if (digraph) {
      out += isUpper(chars[i]) ? digraph[1].toUpperCase() : digraph[1];
      i += 2;
      continue;
    }
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const previous = chars[i - 1]?.toLowerCase();
    let cyrillic: string | undefined;
    if (lower === "e") cyrillic = !isLetter(previous) || VOWELS.has(previous!) ? "э" : "е";
    else if (lower === TUTUQ && (previous === "s" || previous === "c") && chars[i + 1]?.toLowerCase() === "h") cyrillic = "";
    else cyrillic = LETTERS[lower];
    out += cyrillic === undefined ? char : isUpper(char) ? cyrillic.toUpperCase() : cyrillic;
    i += 1;
  }
  return out;
}
