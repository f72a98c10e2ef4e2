import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings } from "@/db/schema";
import type { LibraryItem } from "./search-recordings";

/**
 * The transcripts of a library page's recordings, which the REST list carries (`transcript_text`,
 * the original contract) and the library page does not. Takes the page's items, not ids, so it reads
 * only what searchRecordings already let the caller see.
 */
export async function readTranscriptTexts(items: LibraryItem[]): Promise<Map<string, string | null>> {
  if (items.length === 0) return new Map();
  const rows = await db.select({ id: recordings.id, text: recordings.transcriptText }).from(recordings).where(inArray(recordings.id, items.map((item) => item.id)));
  return new Map(rows.map((row) => [row.id, row.text]));
}
