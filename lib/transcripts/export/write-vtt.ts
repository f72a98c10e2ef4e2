import type { ExportDocument } from "./export-document";
import { formatCueTime } from "./format-cue-time";
import { planCues } from "./plan-cues";

/** WebVTT (W3C): numbered cues, `HH:MM:SS.mmm` times, cue text escaped so `&`, `<` and `-->` stay text. */
export function writeVtt(document: ExportDocument): string {
  const blocks = planCues(document.segments).map(
    (cue, position) => `${position + 1}\n${formatCueTime(cue.startMs, ".")} --> ${formatCueTime(cue.endMs, ".")}\n${cue.lines.map(escapeCueText).join("\n")}\n`,
  );
  return ["WEBVTT\n", ...blocks].join("\n");
}

function escapeCueText(line: string): string {
  return line.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
