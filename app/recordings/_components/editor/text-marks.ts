export type MarkKind = "unsure" | "hit" | "current";
export type TextMark = { start: number; end: number; kind: MarkKind };

/** The text cut into runs, each with the marks covering it, for the highlight layer under a textarea. */
export function splitIntoRuns(text: string, marks: TextMark[]): { text: string; kinds: MarkKind[] }[] {
  const cuts = new Set([0, text.length]);
  for (const mark of marks) {
    cuts.add(Math.max(0, Math.min(text.length, mark.start)));
    cuts.add(Math.max(0, Math.min(text.length, mark.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let position = 0; position < points.length - 1; position++) {
    const [from, to] = [points[position]!, points[position + 1]!];
    runs.push({ text: text.slice(from, to), kinds: marks.filter((mark) => mark.start <= from && mark.end >= to).map((mark) => mark.kind) });
  }
  return runs;
}
