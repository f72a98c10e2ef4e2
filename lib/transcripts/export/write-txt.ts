import { BYTE_ORDER_MARK } from "./byte-order-mark";
import type { ExportDocument } from "./export-document";
import { formatClock } from "./format-clock";
import { segmentLine } from "./segment-line";

/** One line per segment, `[mm:ss] ` before each when timestamps are asked for; CRLF for Notepad. */
export function writeTxt(document: ExportDocument): string {
  const lines = document.segments
    .map((segment) => ({ segment, line: segmentLine(segment) }))
    .filter(({ line }) => line !== "")
    .map(({ segment, line }) => (document.timestamps ? `[${formatClock(segment.startMs)}] ${line}` : line));
  return BYTE_ORDER_MARK + lines.map((line) => `${line}\r\n`).join("");
}
