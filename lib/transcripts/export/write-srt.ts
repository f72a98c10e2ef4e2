import { BYTE_ORDER_MARK } from "./byte-order-mark";
import type { ExportDocument } from "./export-document";
import { formatCueTime } from "./format-cue-time";
import { planCues } from "./plan-cues";

/**
 * SubRip: numbered cues, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, a blank line after each. SRT has no
 * escapes; the one thing in text that breaks parsers is an arrow, which is spaced out.
 */
export function writeSrt(document: ExportDocument): string {
  const blocks = planCues(document.segments).map(
    (cue, position) => `${position + 1}\r\n${formatCueTime(cue.startMs, ",")} --> ${formatCueTime(cue.endMs, ",")}\r\n${cue.lines.map((line) => line.replaceAll("-->", "- ->")).join("\r\n")}\r\n`,
  );
  return BYTE_ORDER_MARK + blocks.join("\r\n");
}
