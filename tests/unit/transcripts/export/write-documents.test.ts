import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { documentOutline } from "@/lib/transcripts/export/document-outline";
import { exportJsonSchema } from "@/lib/transcripts/export/export-json-schema";
import { writeDocx } from "@/lib/transcripts/export/write-docx";
import { writeJson } from "@/lib/transcripts/export/write-json";
import { writePdf } from "@/lib/transcripts/export/write-pdf";
import { writeTxt } from "@/lib/transcripts/export/write-txt";
import { pdfText } from "../../../support/pdf-text";
import { exportDocument, RUSSIAN, segments, UZBEK } from "./export-fixture";

describe("plain text", () => {
  it("has one line per non-empty segment, a BOM, and [mm:ss] stamps when asked", () => {
    expect(writeTxt(exportDocument())).toBe(`\uFEFF${UZBEK}\r\nDilnoza: ${RUSSIAN}\r\n${segments[2]!.text}\r\n${segments[3]!.text}\r\nOxirgi soʻz\r\n`);
    const stamped = writeTxt(exportDocument({ timestamps: true })).slice(1).split("\r\n");
    expect(stamped[0]).toBe(`[00:00] ${UZBEK}`);
    expect(stamped[1]).toBe(`[00:02] Dilnoza: ${RUSSIAN}`);
    expect(stamped[4]).toBe("[62:07] Oxirgi soʻz");
  });
});

describe("JSON", () => {
  it("matches its published schema and carries the words and their timings", () => {
    const json = exportJsonSchema.parse(JSON.parse(writeJson(exportDocument())));
    expect(json.recording.title).toBe("Dars: oʻzbek tili — 1");
    expect(json.segments.map((segment) => segment.text)).toEqual(segments.map((segment) => segment.text));
    expect(json.segments[1]!.speaker_name).toBe("Dilnoza");
    expect(json.segments[2]!.words![1]).toEqual({ start_ms: 5900, end_ms: 6500, text: " biz", probability: null });
    expect(json.segments[0]!.words).toBeNull();
  });
});

// Writing and reading back whole documents (pdf.js especially) takes seconds on a busy machine.
const DOCUMENT_TIMEOUT_MS = 30_000;

describe("DOCX", () => {
  it("reads back (mammoth) as the title, the metadata and one paragraph per segment", async () => {
    const document = exportDocument({ timestamps: true });
    const { value } = await mammoth.extractRawText({ buffer: await writeDocx(document) });
    const paragraphs = value.split("\n").filter((line) => line !== "");
    const outline = documentOutline(document);
    expect(paragraphs).toEqual([outline.title, ...outline.metadata, ...outline.paragraphs.map(({ stamp, text }) => `${stamp} ${text}`)]);
    expect(paragraphs).toContain(`[00:00] ${UZBEK}`);
    expect(paragraphs).toContain("Davomiyligi: 1:02:10");
  }, DOCUMENT_TIMEOUT_MS);

  it("leaves the stamps out unless asked", async () => {
    const { value } = await mammoth.extractRawText({ buffer: await writeDocx(exportDocument()) });
    expect(value).not.toContain("[00:00]");
    expect(value).toContain(`Dilnoza: ${RUSSIAN}`);
  }, DOCUMENT_TIMEOUT_MS);
});

describe("PDF", () => {
  it("has selectable text (pdf.js) equal to the DOCX content, Uzbek apostrophes and Cyrillic included", async () => {
    const document = exportDocument({ timestamps: true });
    const bytes = await writePdf(document);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    const outline = documentOutline(document);
    const expected = [outline.title, ...outline.metadata, ...outline.paragraphs.map(({ stamp, text: line }) => `${stamp} ${line}`)].join(" ");
    expect(text.trim()).toBe(expected);
    expect(text).toContain(UZBEK);
    expect(text).toContain(RUSSIAN);
  }, DOCUMENT_TIMEOUT_MS);
});
