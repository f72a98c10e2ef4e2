/**
 * Every character the database's `search_fold` drops (migration 0010_search): the ASCII apostrophe,
 * backtick, acute, modifier letters ʹ ʻ ʼ ʽ, quotes ‘ ’ ‛ and prime ′ — all ways people type oʻ, gʻ and ʼ.
 */
export const APOSTROPHES = /['`\u00B4\u02B9\u02BB\u02BC\u02BD\u2018\u2019\u201B\u2032]/u;

/**
 * The text folded as the database folds it for searching (apostrophes dropped, accents and case
 * gone, ё as е), with, for each folded character, where it came from in the original, so a hit
 * found in the folded text can be marked in the original. Accents are only taken off Latin letters:
 * й, ў and the like are letters of their own, which PostgreSQL's unaccent leaves alone too.
 */
export function foldSearchText(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let position = 0;
  for (const character of text) {
    if (!APOSTROPHES.test(character)) {
      for (const piece of foldCharacter(character)) {
        folded += piece;
        origin.push(position);
      }
    }
    position += character.length;
  }
  origin.push(position);
  return { folded, origin };
}

function foldCharacter(character: string): string {
  const lower = character.toLowerCase();
  if (lower === "ё") return "е";
  return /[\u00C0-\u024F]/u.test(lower) ? lower.normalize("NFD").replace(/\p{M}/gu, "") : lower;
}
