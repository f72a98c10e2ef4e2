import "server-only";

/** The words of a text as error rates compare them: case, punctuation and spacing do not count. */
export function wordsForScoring(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase()
    // Apostrophes inside words ("don't", "o'zbek") are part of the word; other punctuation is not.
    .replace(/(\p{L})['’ʼ‘](\p{L})/gu, "$1'$2")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/(^|\s)'+|'+(?=\s|$)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}
