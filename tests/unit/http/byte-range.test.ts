import { describe, expect, it } from "vitest";
import { contentRangeHeader, parseByteRange } from "@/lib/http/byte-range";

const none = { kind: "none" };
const unsatisfiable = { kind: "unsatisfiable" };
const range = (start: number, end: number) => ({ kind: "range", start, end });

describe("parseByteRange", () => {
  it.each([
    ["bytes=0-99", range(0, 99)],
    ["bytes=0-0", range(0, 0)],
    ["bytes=999-999", range(999, 999)],
    ["bytes=100-", range(100, 999)],
    ["bytes=0-", range(0, 999)],
    ["bytes=-500", range(500, 999)],
    ["bytes=-1", range(999, 999)],
    ["bytes=-1000", range(0, 999)],
    ["bytes=-5000", range(0, 999)],
    ["bytes=900-5000", range(900, 999)],
    ["bytes=0-999", range(0, 999)],
    ["bytes=0-1000", range(0, 999)],
  ])("%s of 1000 bytes", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it.each([null, undefined, ""])("serves the whole file without a header (%j)", (header) => {
    expect(parseByteRange(header, 1000)).toEqual(none);
  });

  it.each([
    "bytes=1000-",
    "bytes=1000-1000",
    "bytes=1000-2000",
    "bytes=5000-",
    "bytes=-0",
    "bytes=9007199254740993-",
    "bytes=99999999999999999999999999-",
  ])("%s of 1000 bytes is unsatisfiable", (header) => {
    expect(parseByteRange(header, 1000)).toEqual(unsatisfiable);
  });

  it.each(["bytes=0-", "bytes=0-0", "bytes=-1", "bytes=-500", "bytes=5-"])("%s of an empty file is unsatisfiable", (header) => {
    expect(parseByteRange(header, 0)).toEqual(unsatisfiable);
  });

  it.each([
    "bytes",
    "bytes=",
    "bytes=-",
    "bytes=abc",
    "bytes=a-b",
    "bytes=1-b",
    "bytes=5-1",
    "bytes=0x10-0x20",
    "bytes=1.5-2",
    "bytes=+1-2",
    "bytes=--1",
    "bytes=-1-2",
    "bytes=1--2",
    "bytes=1 - 2",
    "bytes=1-2-3",
    "bytes 0-99",
    "0-99",
    "=0-99",
    "items=0-99",
    "bytesx=0-99",
    "bytes=0-99;x",
    "bytes=\u0660-\u0669",
    "bytes=9007199254740993-9007199254740992",
  ])("ignores the malformed or foreign %j", (header) => {
    expect(parseByteRange(header, 1000)).toEqual(none);
  });

  it("ignores a malformed header even on an empty file", () => {
    expect(parseByteRange("bytes=abc", 0)).toEqual(none);
  });

  it.each(["bytes=0-1,5-6", "bytes=0-99, 100-199", "bytes=0-0,-1", "bytes=0-1,abc", "bytes=5000-,6000-"])(
    "answers several ranges (%s) with the whole file",
    (header) => {
      expect(parseByteRange(header, 1000)).toEqual(none);
    },
  );

  it.each([
    ["BYTES=0-9", range(0, 9)],
    ["Bytes=0-9", range(0, 9)],
    [" bytes=0-9 ", range(0, 9)],
    ["bytes =0-9", range(0, 9)],
    ["bytes= 0-9", range(0, 9)],
    ["bytes=0-9 ,", range(0, 9)],
    ["bytes=, 0-9", range(0, 9)],
    ["bytes=\t0-9\t", range(0, 9)],
    ["bytes=0010-0019", range(10, 19)],
  ])("tolerates %j", (header, expected) => {
    expect(parseByteRange(header, 1000)).toEqual(expected);
  });

  it("keeps huge positions exact instead of rounding them", () => {
    expect(parseByteRange("bytes=0-99999999999999999999999", 1000)).toEqual(range(0, 999));
    expect(parseByteRange("bytes=-99999999999999999999999", 1000)).toEqual(range(0, 999));
    const big = Number.MAX_SAFE_INTEGER;
    expect(parseByteRange(`bytes=${big - 1}-`, big)).toEqual(range(big - 1, big - 1));
    expect(parseByteRange(`bytes=${big}-`, big)).toEqual(unsatisfiable);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("refuses a size of %s", (size) => {
    expect(() => parseByteRange("bytes=0-1", size)).toThrow(RangeError);
  });
});

describe("contentRangeHeader", () => {
  it("describes the bytes sent with a 206", () => {
    expect(contentRangeHeader({ kind: "range", start: 0, end: 99 }, 1000)).toBe("bytes 0-99/1000");
  });

  it("gives the size with a 416", () => {
    expect(contentRangeHeader({ kind: "unsatisfiable" }, 1000)).toBe("bytes */1000");
  });

  it("round-trips what parseByteRange returns", () => {
    const parsed = parseByteRange("bytes=-10", 50);
    if (parsed.kind === "none") throw new Error("expected a range");
    expect(contentRangeHeader(parsed, 50)).toBe("bytes 40-49/50");
  });
});
