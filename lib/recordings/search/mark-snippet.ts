import { foldSearchText } from "./fold-search-text";

/** About this many characters of context on each side of the hit. */
const CONTEXT_CHARS = 60;

/**
 * A passage of `text` around the first place `query` matches it (folded the way search folds), the
 * hit wrapped in <mark>…</mark>. The rest stays plain text (not HTML-escaped): clients split on the
 * markers. Cut at word boundaries, with "…" where text was left out. Null when the query is not in it.
 */
export function markSnippet(text: string, query: string): string | null {
  const needle = foldSearchText(query).folded.trim();
  if (needle === "") return null;
  const { folded, origin } = foldSearchText(text);
  const at = firstWordStart(folded, needle);
  if (at < 0) return null;
  const start = origin[at]!;
  const end = origin[at + needle.length - 1]! + codePointLength(text, origin[at + needle.length - 1]!);
  const before = widenToWord(text, Math.max(0, start - CONTEXT_CHARS), "back");
  const after = widenToWord(text, Math.min(text.length, end + CONTEXT_CHARS), "forward");
  return `${before > 0 ? "…" : ""}${text.slice(before, start).trimStart()}<mark>${text.slice(start, end)}</mark>${text.slice(end, after).trimEnd()}${after < text.length ? "…" : ""}`;
}

/** Search matches the starts of words, so a hit there is the one to show; any other place only if there is none. */
function firstWordStart(folded: string, needle: string): number {
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!)) return at;
  }
  return folded.indexOf(needle);
}

function codePointLength(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

/** Moves a cut to the nearest space in the given direction, so words are not split. */
function widenToWord(text: string, index: number, direction: "back" | "forward"): number {
  if (direction === "back") {
    if (index === 0) return 0;
    const space = text.lastIndexOf(" ", index);
    return space < 0 ? 0 : space + 1;
  }
  const space = text.indexOf(" ", index);
  return space < 0 ? text.length : space;
}
