import type { ExportSegment } from "./export-document";
import { segmentLine } from "./segment-line";
import { MAX_CUE_LINES, wrapCueLines } from "./wrap-cue-lines";

/** Longer cues are hard to read along with the audio; subtitle guides say about 7 seconds. */
export const MAX_CUE_MS = 7000;

export type Cue = { startMs: number; endMs: number; lines: string[] };
type TimedToken = { text: string; startMs: number; endMs: number };

/**
 * Subtitle cues from segments: each segment is cut into cues of at most two wrapped lines and about
 * seven seconds, at word boundaries. Word timings place the cuts when the engine gave them and they
 * still spell the segment's text (an edit changes the text, not the words); otherwise times are
 * shared out in proportion to the characters.
 */
export function planCues(segments: ExportSegment[]): Cue[] {
  const cues: Cue[] = [];
  for (const segment of segments) {
    let group: TimedToken[] = [];
    for (const token of timedTokens(segment)) {
      const candidate = [...group, token];
      const tooLong = wrapCueLines(joinTokens(candidate)).length > MAX_CUE_LINES || token.endMs - candidate[0]!.startMs > MAX_CUE_MS;
      if (group.length > 0 && tooLong) {
        cues.push(cueOf(group));
        group = [token];
      } else group = candidate;
    }
    if (group.length > 0) cues.push(cueOf(group));
  }
  return cues;
}

function timedTokens(segment: ExportSegment): TimedToken[] {
  const line = segmentLine(segment);
  if (line === "") return [];
  const words = (segment.words ?? []).map((word) => ({ ...word, text: word.text.replace(/\s+/g, " ").trim() })).filter((word) => word.text !== "");
  const spoken = segment.text.replace(/\s+/g, " ").trim();
  if (words.length > 0 && words.map((word) => word.text).join(" ") === spoken) {
    const timed = words.map((word) => ({ text: word.text, startMs: Math.max(word.startMs, segment.startMs), endMs: Math.min(Math.max(word.endMs, word.startMs), segment.endMs) }));
    // The speaker's name is said with the first word.
    if (segment.speakerName) timed[0] = { ...timed[0]!, text: `${segment.speakerName}: ${timed[0]!.text}` };
    return timed;
  }
  return proportionalTokens(line, segment.startMs, segment.endMs);
}

function proportionalTokens(line: string, startMs: number, endMs: number): TimedToken[] {
  const tokens = line.split(" ");
  const span = Math.max(endMs - startMs, 0);
  let offset = 0;
  return tokens.map((text) => {
    const from = offset;
    offset += text.length + 1;
    const at = (chars: number) => Math.round(startMs + (span * Math.min(chars, line.length)) / line.length);
    return { text, startMs: at(from), endMs: at(offset - 1) };
  });
}

function joinTokens(tokens: TimedToken[]): string {
  return tokens.map((token) => token.text).join(" ");
}

function cueOf(tokens: TimedToken[]): Cue {
  return { startMs: tokens[0]!.startMs, endMs: tokens.at(-1)!.endMs, lines: wrapCueLines(joinTokens(tokens)) };
}
