import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSearchDocuments as documents, recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleTo } from "@/lib/recordings/recording-access";
import { findSegmentMatches, type SegmentMatch } from "./find-segment-matches";
import type { LibraryQuery, LibrarySort } from "./library-query";
import { searchQuery } from "./search-query";

/** A recording as the library lists it: everything but the transcript, which a list has no use for. */
export type LibraryRecording = Omit<Recording, "transcriptText">;
export type LibraryItem = LibraryRecording & { ownerPhone: string; matches?: SegmentMatch[] };
export type LibraryPage = { items: LibraryItem[]; total: number; skip: number; limit: number };

/**
 * How many of the newest matches relevance ranks by their text. Ranking reads a recording's whole
 * search document (about 8 kB for an hour of speech), so ranking all 3,000 recordings a common word
 * matches across a library took over 100 ms; within this window it costs a few. Matches past it
 * follow newest first (after every title or file name hit, which is cheap to find anywhere).
 */
export const RELEVANCE_WINDOW = 200;

// A page of 20 hour-long transcripts is ~150 kB to carry, decode and collect for nothing.
const listedColumns = Object.fromEntries(Object.entries(getTableColumns(recordings)).filter(([name]) => name !== "transcriptText")) as Omit<ReturnType<typeof getTableColumns<typeof recordings>>, "transcriptText">;

/**
 * The caller's library (admins: everyone's), filtered and ordered, and with `q` only recordings
 * whose title, original file name or transcript has its words — folded for case, accents and
 * apostrophes, each word as the start of a longer one, so `kitob` finds `kitoblarimizdan`. The
 * recordings' search documents answer that through their GIN index; only the page's recordings have
 * their segments read, for up to three matches each. `total` counts every matching recording.
 */
export async function searchRecordings(caller: CurrentUser, query: LibraryQuery): Promise<LibraryPage> {
  const sort = query.sort ?? (query.q ? "relevance" : "newest");
  const [rows, total] = query.q ? await searchPage(caller, query, query.q, sort) : await listPage(caller, query, sort);
  const matches = query.q ? await findSegmentMatches(rows.map((row) => row.recording.id), query.q) : undefined;
  return {
    items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone, ...(matches ? { matches: matches.get(row.recording.id) ?? [] } : {}) })),
    total,
    skip: query.skip,
    limit: query.limit,
  };
}

type Row = { recording: LibraryRecording; ownerPhone: string };

const recordingOrder = {
  newest: [desc(recordings.createdAt), desc(recordings.id)],
  oldest: [asc(recordings.createdAt), asc(recordings.id)],
  longest: [desc(recordings.durationSeconds), desc(recordings.createdAt), desc(recordings.id)],
  title: [asc(sql`lower(${recordings.title})`), desc(recordings.createdAt), desc(recordings.id)],
};

function languageIs(language: string): SQL | undefined {
  return or(eq(recordings.language, language), and(eq(recordings.language, "auto"), eq(recordings.detectedLanguage, language)));
}

/** Without `q`: the recordings themselves, through their owner and date indexes. */
async function listPage(caller: CurrentUser, query: LibraryQuery, sort: LibrarySort): Promise<[Row[], number]> {
  const where = and(
    visibleTo(caller),
    query.user_id ? eq(recordings.userId, query.user_id) : undefined,
    query.status ? eq(recordings.transcriptionStatus, query.status) : undefined,
    query.language ? languageIs(query.language) : undefined,
    query.from ? gte(recordings.createdAt, query.from) : undefined,
    query.to ? lt(recordings.createdAt, query.to) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({ recording: listedColumns, ownerPhone: users.phone })
      .from(recordings)
      .innerJoin(users, eq(recordings.userId, users.id))
      .where(where)
      .orderBy(...recordingOrder[sort === "relevance" ? "newest" : sort])
      .limit(query.limit)
      .offset(query.skip)
      .prepare("library_page")
      .execute(),
    db.select({ total: count() }).from(recordings).where(where).prepare("library_count").execute(),
  ]);
  return [rows, counted?.total ?? 0];
}

/**
 * With `q`: the matching search documents, which carry their owner and upload time, so counting and
 * ordering thousands of matches reads no recording row (status and language filters, and the sorts
 * by length and title, join the recordings). Only the page's recordings are then read whole.
 *
 * Relevance: a hit in the title or file name first, then, among the newest RELEVANCE_WINDOW
 * matches, ts_rank (how often and how densely the words occur), then newest first.
 */
async function searchPage(caller: CurrentUser, query: LibraryQuery, q: string, sort: LibrarySort): Promise<[Row[], number]> {
  const wanted = searchQuery(q);
  const byRecording = Boolean(query.status || query.language || sort === "longest" || sort === "title");
  const where = and(
    sql`${documents.document} @@ ${wanted}`,
    caller.role === "admin" ? undefined : eq(documents.userId, caller.id),
    query.user_id ? eq(documents.userId, query.user_id) : undefined,
    query.from ? gte(documents.createdAt, query.from) : undefined,
    query.to ? lt(documents.createdAt, query.to) : undefined,
    query.status ? eq(recordings.transcriptionStatus, query.status) : undefined,
    query.language ? languageIs(query.language) : undefined,
  );
  const joined = <T extends { innerJoin: (table: typeof recordings, on: SQL) => unknown }>(select: T) => {
    if (byRecording) select.innerJoin(recordings, eq(recordings.id, documents.recordingId));
    return select;
  };
  const matched = joined(
    db
      .select({
        id: documents.recordingId,
        nameHit: sql<boolean>`${documents.nameDocument} @@ ${wanted}`.as("name_hit"),
        recent: sql<number>`row_number() over (order by ${documents.createdAt} desc, ${documents.recordingId} desc)`.as("recent"),
        document: documents.document,
        ...(sort === "longest" ? { key: sql<number>`${recordings.durationSeconds}`.as("sort_key") } : sort === "title" ? { key: sql<string>`lower(${recordings.title})`.as("sort_key") } : {}),
      })
      .from(documents)
      .$dynamic(),
  )
    .where(where)
    .as("matched");
  const keys: Record<LibrarySort, SQL> = {
    relevance: sql`${matched.nameHit} desc, case when ${matched.recent} <= ${RELEVANCE_WINDOW} then ts_rank(${matched.document}, ${wanted}) end desc nulls last, ${matched.recent}`,
    newest: sql`${matched.recent}`,
    oldest: sql`${matched.recent} desc`,
    longest: sql`sort_key desc, ${matched.recent}`,
    title: sql`sort_key, ${matched.recent}`,
  };
  const position = sql<number>`row_number() over (order by ${keys[sort]})`.as("position");
  const ordered = db.select({ id: matched.id, position }).from(matched).orderBy(position).limit(query.limit).offset(query.skip).as("ordered");
  const [rows, [counted]] = await Promise.all([
    db
      .select({ recording: listedColumns, ownerPhone: users.phone })
      .from(ordered)
      .innerJoin(recordings, eq(recordings.id, ordered.id))
      .innerJoin(users, eq(recordings.userId, users.id))
      .orderBy(asc(ordered.position))
      .prepare(`library_search_${sort}`)
      .execute(),
    joined(db.select({ total: count() }).from(documents).$dynamic()).where(where).prepare("library_search_count").execute(),
  ]);
  return [rows, counted?.total ?? 0];
}
