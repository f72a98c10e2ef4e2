import pino from "pino";

/** A real pino logger whose output stays in memory, so tests can assert on exactly what would be logged. */
export function createMemoryLogger() {
  const lines: string[] = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
  return {
    logger,
    lines,
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
