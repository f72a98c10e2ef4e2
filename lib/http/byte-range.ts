/**
 * `Range` request headers (RFC 9110 §14) for serving stored audio, which browsers' media elements
 * fetch in pieces to seek. Pure: the caller knows the file size and writes the response.
 */

/** Inclusive byte positions, as in `Content-Range`. */
export type ByteRange = { start: number; end: number };

export type ParsedByteRange =
  /** Serve the whole file with 200: no header, one we ignore, or one that is malformed. */
  | { kind: "none" }
  /** Serve these bytes with 206 and `Content-Range`. */
  | ({ kind: "range" } & ByteRange)
  /** Answer 416 with `Content-Range: bytes *\/size`. */
  | { kind: "unsatisfiable" };

// int-range = first-pos "-" [ last-pos ]; suffix-range = "-" suffix-length (RFC 9110 §14.1.1).
const rangeSpecPattern = /^(\d*)-(\d*)$/;

/**
 * Reads a `Range` header against a representation of `size` bytes.
 *
 * Several ranges (`bytes=0-1,5-6`) are answered with the whole file: the RFC lets a server ignore
 * `Range` (§14.2), media players only ever ask for one range, and multipart/byteranges bodies are a
 * cost (and an amplification vector) with no client here to use them.
 */
export function parseByteRange(header: string | null | undefined, size: number): ParsedByteRange {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`Invalid size: ${size}`);
  if (!header) return { kind: "none" };
  const equals = header.indexOf("=");
  if (equals === -1) return { kind: "none" };
  // Range units are case-insensitive (§14.1); an unknown unit means the header is ignored.
  if (header.slice(0, equals).trim().toLowerCase() !== "bytes") return { kind: "none" };

  // The list rule (§5.6.1) allows whitespace around commas and empty elements.
  const specs = header
    .slice(equals + 1)
    .split(",")
    .map((spec) => spec.trim())
    .filter(Boolean);
  if (specs.length !== 1) return { kind: "none" };

  const match = rangeSpecPattern.exec(specs[0] as string);
  if (!match) return { kind: "none" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "none" };
  return first === "" ? resolveSuffixRange(BigInt(last), size) : resolveIntRange(BigInt(first), last === "" ? null : BigInt(last), size);
}

// BigInt keeps positions beyond Number.MAX_SAFE_INTEGER exact, so `bytes=9007199254740993-9007199254740992`
// is still seen as reversed. Results always fit in a number because they are clamped to `size`.
function resolveIntRange(first: bigint, last: bigint | null, size: number): ParsedByteRange {
  if (last !== null && last < first) return { kind: "none" };
  if (first >= BigInt(size)) return { kind: "unsatisfiable" };
  const end = last === null || last >= BigInt(size) ? size - 1 : Number(last);
  return { kind: "range", start: Number(first), end };
}

function resolveSuffixRange(length: bigint, size: number): ParsedByteRange {
  // A zero-length suffix selects nothing; an empty file has no bytes to select (§14.1.1).
  if (length === BigInt(0) || size === 0) return { kind: "unsatisfiable" };
  const start = length >= BigInt(size) ? 0 : size - Number(length);
  return { kind: "range", start, end: size - 1 };
}

/** The `Content-Range` value for a 206 (`bytes 0-99/1000`) or a 416 (`bytes *\/1000`). */
export function contentRangeHeader(range: Exclude<ParsedByteRange, { kind: "none" }>, size: number): string {
  return range.kind === "range" ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}
