import { OKINA, TUTUQ } from "./uzbek-script";

const VOWELS = new Set("аеёиоуэюяўы");
// ъ and ь count as a break: after them е is "ye" (съезд → syezd, пьеса → pyesa).
const SIGNS = new Set("ъь");
const IOTATED: Readonly<Record<string, string>> = { ё: "yo", ю: "yu", я: "ya" };

const LETTERS: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", ж: "j", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "x", ч: "ch", ш: "sh", щ: "sh", ы: "i", э: "e",
  ў: `o${OKINA}`, қ: "q", ғ: `g${OKINA}`, ҳ: "h", ь: "",
};

const isUpper = (char: string | undefined) => char !== undefined && char !== char.toLowerCase();
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);

/**
 * Uzbek Cyrillic to the 1995 Latin alphabet. The rules that need context: е is "ye" at the start of a
 * word and after a vowel or ъ/ь, otherwise "e"; ц is "s" at the start of a word and after a consonant,
 * "ts" after a vowel; ъ is the tutuq belgisi (маъно → maʼno) except before е/ё/ю/я, where Russian
 * loans drop it (съезд → syezd). A capital turns into a capital first letter ("Ch"), or into all
 * capitals ("CH") inside a word written in capitals. Characters that are not Cyrillic pass through.
 */
export function cyrillicToLatin(text: string): string {
  const chars = [...text];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const previous = chars[i - 1]?.toLowerCase();
    const latin = latinFor(lower, previous, chars[i + 1]?.toLowerCase());
    if (latin === null) {
      out += char;
      continue;
    }
    out += isUpper(char) ? capitalize(latin, wordIsCapitals(chars, i)) : latin;
  }
  return out;
}

function latinFor(char: string, previous: string | undefined, next: string | undefined): string | null {
  const atWordStart = !isLetter(previous);
  if (char === "е") return atWordStart || VOWELS.has(previous!) || SIGNS.has(previous!) ? "ye" : "e";
  if (char === "ц") return !atWordStart && VOWELS.has(previous!) ? "ts" : "s";
  if (char === "ъ") return next !== undefined && (next === "е" || next in IOTATED) ? "" : TUTUQ;
  return IOTATED[char] ?? LETTERS[char] ?? null;
}

function capitalize(latin: string, allCapitals: boolean): string {
  if (allCapitals) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** A capital inside a word of capitals ("ШАҲАР"), rather than a word's first letter ("Шаҳар"). */
function wordIsCapitals(chars: string[], index: number): boolean {
  const neighbour = isLetter(chars[index + 1]) ? chars[index + 1] : isLetter(chars[index - 1]) ? chars[index - 1] : undefined;
  return isUpper(neighbour);
}
