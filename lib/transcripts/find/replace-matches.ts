import { buildFindPattern } from "./build-find-pattern";
import type { FindOptions } from "./find-options";

/** `text` with every match of `query` replaced by `replacement` taken literally (no `$1`), and how many there were. */
export function replaceMatches(text: string, query: string, replacement: string, options: FindOptions = {}): { text: string; count: number } {
  const pattern = buildFindPattern(query, options);
  if (!pattern) return { text, count: 0 };
  let count = 0;
  const replaced = text.replace(pattern, () => {
    count += 1;
    return replacement;
  });
  return { text: replaced, count };
}
