import { OKINA, TUTUQ } from "./uzbek-script";

// Everything people and engines type in place of ʻ and ʼ: ' ‘ ’ ` ´ ʻ ʼ.
const apostropheBetweenLetters = /(\p{L})['\u2018\u2019`\u00B4\u02BB\u02BC](?=\p{L})/gu;

/**
 * Writes oʻ gʻ with U+02BB and the tutuq belgisi with U+02BC, whatever apostrophe the text used.
 * Only an apostrophe between two letters is touched, so quotation marks stay as they are; after o and
 * g it is always the letter's sign (Uzbek has no tutuq there), anywhere else the tutuq.
 */
export function normalizeUzbekLatin(text: string): string {
  return text.normalize("NFC").replace(apostropheBetweenLetters, (_match, letter: string) => letter + (/^[oOgG]$/.test(letter) ? OKINA : TUTUQ));
}
