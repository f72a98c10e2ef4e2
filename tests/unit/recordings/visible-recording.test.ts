import { describe, expect, it } from "vitest";
import type { Recording } from "@/db/schema";
import type { VisibleRecording } from "@/lib/recordings/recording-access";
import type { readSegments } from "@/lib/transcripts/read-segments";
import type { listRevisions } from "@/lib/transcripts/list-revisions";
import type { serveRecordingFile } from "@/lib/http/serve-recording-file";

// Held by `npm run typecheck`: each line marked @ts-expect-error must stay a type error, or tsc fails.
// A recording read straight from the table (not through findRecordingForCaller) is no VisibleRecording.
type Readers = {
  segments: Parameters<typeof readSegments>[1];
  revisions: Parameters<typeof listRevisions>[0];
  file: Parameters<typeof serveRecordingFile>[0];
};

describe("readers of a recording's data", () => {
  it("accept only a recording whose access was checked", () => {
    const unchecked = {} as Recording;
    // @ts-expect-error an unchecked row is refused
    const segments: Readers["segments"] = unchecked;
    // @ts-expect-error an unchecked row is refused
    const revisions: Readers["revisions"] = unchecked;
    // @ts-expect-error an unchecked row is refused
    const file: Readers["file"] = unchecked;
    const checked = {} as VisibleRecording;
    const accepted: Readers["segments"] & Readers["revisions"] & Readers["file"] = checked;
    expect([segments, revisions, file, accepted]).toHaveLength(4);
  });
});
