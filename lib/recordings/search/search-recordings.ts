import "server-only";
import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSearchDocuments, recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleTo } from "@/lib/recordings/recording-access";
import { findSegmentMatches, type SegmentMatch } from "./find-segment-matches";
import type { LibraryQuery } from "./library-query";
import { foldedTextMatches, searchQuery } from "./search-query";

export type LibraryItem = Recording & { ownerPhone: string; matches?: SegmentMatch[] };
export type LibraryPage = { items: LibraryItem[]; total: number; skip: number; limit: number };

/**
 * The caller's library (admins: everyone's), filtered and ordered, and with `q` only recordings
 * whose title, original file name or transcript has its words — folded for case, accents and
 * apostrophes, each word as the start of a longer one, so `kitob` finds `kitoblarimizdan`. The
 * recordings' search documents answer that through their GIN index; only the page's recordings have
 * their segments read, for up to three matches each. `total` counts every matching recording.
 */
export async function searchRecordings(caller: CurrentUser, query: LibraryQuery): Promise<LibraryPage> {
  const wanted = query.q ? searchQuery(query.q) : undefined;
  const where = and(
    visibleTo(caller),
    query.user_id ? eq(recordings.userId, query.user_id) : undefined,
    query.status ? eq(recordings.transcriptionStatus, query.status) : undefined,
    query.language ? or(eq(recordings.language, query.language), and(eq(recordings.language, "auto"), eq(recordings.detectedLanguage, query.language))) : undefined,
    query.from ? gte(recordings.createdAt, query.from) : undefined,
    query.to ? lt(recordings.createdAt, query.to) : undefined,
    wanted ? sql`${recordingSearchDocuments.document} @@ ${wanted}` : undefined,
  );
  const sort = query.sort ?? (wanted ? "relevance" : "newest");
  // A hit in the title or file name first, then ts_rank: how often, and how densely, the words occur.
  const relevance: SQL[] = wanted ? [desc(foldedTextMatches(recordings.searchName, wanted)), desc(sql`ts_rank(${recordingSearchDocuments.document}, ${wanted})`)] : [];
  const order = {
    newest: [desc(recordings.createdAt), desc(recordings.id)],
    oldest: [asc(recordings.createdAt), asc(recordings.id)],
    longest: [desc(recordings.durationSeconds), desc(recordings.createdAt), desc(recordings.id)],
    title: [asc(sql`lower(${recordings.title})`), desc(recordings.createdAt), desc(recordings.id)],
    relevance: [...relevance, desc(recordings.createdAt), desc(recordings.id)],
  }[sort];
  const pageQuery = db.select({ recording: recordings, ownerPhone: users.phone }).from(recordings).innerJoin(users, eq(recordings.userId, users.id)).$dynamic();
  const countQuery = db.select({ total: count() }).from(recordings).$dynamic();
  // Only a search needs the documents; the plain list never touches them.
  if (wanted) {
    pageQuery.innerJoin(recordingSearchDocuments, eq(recordingSearchDocuments.recordingId, recordings.id));
    countQuery.innerJoin(recordingSearchDocuments, eq(recordingSearchDocuments.recordingId, recordings.id));
  }
  const [rows, [counted]] = await Promise.all([
    pageQuery.where(where).orderBy(...order).limit(query.limit).offset(query.skip),
    countQuery.where(where),
  ]);
  const matches = query.q ? await findSegmentMatches(rows.map((row) => row.recording.id), query.q) : undefined;
  return {
    items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone, ...(matches ? { matches: matches.get(row.recording.id) ?? [] } : {}) })),
    total: counted?.total ?? 0,
    skip: query.skip,
    limit: query.limit,
  };
}
