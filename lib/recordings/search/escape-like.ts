/** User input as a LIKE pattern's literal text: `%`, `_` and the escape character match only themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
