/** The usual subtitle line length (Netflix, BBC and EBU guides all say about 42 characters). */
export const MAX_LINE_CHARS = 42;
export const MAX_CUE_LINES = 2;

/**
 * Breaks a cue's text into lines of at most MAX_LINE_CHARS at spaces. Two lines are balanced (the
 * break nearest the middle that fits), which reads better than a full first line and a stub. A
 * single word longer than a line stays whole: cutting it would change the text.
 */
export function wrapCueLines(text: string): string[] {
  const words = text.split(" ").filter((word) => word !== "");
  const lines = greedyLines(words);
  if (lines.length !== 2) return lines;
  let best = lines;
  for (let split = 1; split < words.length; split++) {
    const candidate = [words.slice(0, split).join(" "), words.slice(split).join(" ")];
    if (Math.max(...candidate.map((line) => line.length)) < Math.max(...best.map((line) => line.length))) best = candidate;
  }
  return best;
}

function greedyLines(words: string[]): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= MAX_LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
