import { buildFindPattern } from "./build-find-pattern";
import type { FindOptions, TextMatch } from "./find-options";

/** Every place `query` occurs in `text` (see buildFindPattern), in order, never overlapping. */
export function findMatches(text: string, query: string, options: FindOptions = {}): TextMatch[] {
  const pattern = buildFindPattern(query, options);
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}
