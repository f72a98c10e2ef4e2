import type { ExportSegment } from "./export-document";

/** A segment's text on one line, whitespace collapsed, after its speaker's name when there is one. */
export function segmentLine(segment: ExportSegment): string {
  const text = segment.text.replace(/\s+/g, " ").trim();
  return segment.speakerName ? `${segment.speakerName}: ${text}` : text;
}
