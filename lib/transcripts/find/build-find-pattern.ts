import type { FindOptions } from "./find-options";

// Uzbek Latin writes o‘ and g‘ with a turned comma, but people type ' ` ’ or ʻ ʼ for it: all the same here.
const APOSTROPHES = "'`‘’ʻʼ";
const APOSTROPHE_CLASS = `[${APOSTROPHES}]`;
// Apostrophes are part of a word (o‘zbek, ma'no), so whole-word matching does not stop at them.
const WORD_CHAR = `[\\p{L}\\p{N}\\p{M}${APOSTROPHES}]`;

/**
 * A regular expression finding `query` as typed: literally, apostrophe letters interchangeable, case
 * folded unless `matchCase`, and with `wholeWord` not inside a longer word. Null for an empty query.
 */
export function buildFindPattern(query: string, options: FindOptions = {}): RegExp | null {
  if (query === "") return null;
  const body = [...query].map((char) => (APOSTROPHES.includes(char) ? APOSTROPHE_CLASS : escapeChar(char))).join("");
  const source = options.wholeWord ? `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})` : body;
  return new RegExp(source, options.matchCase ? "gu" : "giu");
}

function escapeChar(char: string): string {
  // Only syntax characters: with the `u` flag, escaping anything else is an error.
  return char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
