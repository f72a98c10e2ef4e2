import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { recordingSearchDocuments, recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleTo } from "@/lib/recordings/recording-access";
import { findSegmentMatches, type SegmentMatch } from "./find-segment-matches";
import type { LibraryQuery } from "./library-query";
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
  const wanted = query.q ? searchQuery(query.q) : undefined;
  const where = and(
    visibleTo(caller),
    query.user_id ? eq(recordings.userId, query.user_id) : undefined,
    query.status ? eq(recordings.transcriptionStatus, query.status) : undefined,
    query.language ? or(eq(recordings.language, query.language), and(eq(recordings.language, "auto"), eq(recordings.detectedLanguage, query.language))) : undefined,
    query.from ? gte(recordings.createdAt, query.from) : undefined,
    query.to ? lt(recordings.createdAt, query.to) : undefined,
    wanted ? sql`${recordingSearchDocuments.document} @@ ${wanted}` : undefined,
    // The same owner again on the document, where the index can take it together with the words.
    wanted && caller.role !== "admin" ? eq(recordingSearchDocuments.userId, caller.id) : undefined,
    wanted && query.user_id ? eq(recordingSearchDocuments.userId, query.user_id) : undefined,
  );
  const sort = query.sort ?? (wanted ? "relevance" : "newest");
  const countQuery = db.select({ total: count() }).from(recordings).$dynamic();
  // Only a search needs the documents; the plain list never touches them.
  if (wanted) countQuery.innerJoin(recordingSearchDocuments, eq(recordingSearchDocuments.recordingId, recordings.id));
  const [rows, [counted]] = await Promise.all([
    wanted && sort === "relevance" ? byRelevance(where, wanted, query) : inOrder(where, Boolean(wanted), sort === "relevance" ? "newest" : sort, query),
    countQuery.where(where).prepare("library_count").execute(),
  ]);
  const matches = query.q ? await findSegmentMatches(rows.map((row) => row.recording.id), query.q) : undefined;
  return {
    items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone, ...(matches ? { matches: matches.get(row.recording.id) ?? [] } : {}) })),
    total: counted?.total ?? 0,
    skip: query.skip,
    limit: query.limit,
  };
}

type Page = Pick<LibraryQuery, "skip" | "limit">;

function inOrder(where: SQL | undefined, searched: boolean, sort: Exclude<LibraryQuery["sort"], "relevance" | undefined>, page: Page) {
  const order = {
    newest: [desc(recordings.createdAt), desc(recordings.id)],
    oldest: [asc(recordings.createdAt), asc(recordings.id)],
    longest: [desc(recordings.durationSeconds), desc(recordings.createdAt), desc(recordings.id)],
    title: [asc(sql`lower(${recordings.title})`), desc(recordings.createdAt), desc(recordings.id)],
  }[sort];
  const select = db.select({ recording: listedColumns, ownerPhone: users.phone }).from(recordings).innerJoin(users, eq(recordings.userId, users.id)).$dynamic();
  if (searched) select.innerJoin(recordingSearchDocuments, eq(recordingSearchDocuments.recordingId, recordings.id));
  return select.where(where).orderBy(...order).limit(page.limit).offset(page.skip).prepare("library_page").execute();
}

/**
 * A hit in the title or file name first, then, among the newest RELEVANCE_WINDOW matches, ts_rank
 * (how often and how densely the words occur), then newest first. The order is worked out on ids
 * alone; only the page's recordings are then read whole.
 */
function byRelevance(where: SQL | undefined, wanted: SQL, page: Page) {
  const matched = db
    .select({
      id: recordings.id,
      nameHit: sql<boolean>`${recordingSearchDocuments.nameDocument} @@ ${wanted}`.as("name_hit"),
      recent: sql<number>`row_number() over (order by ${recordings.createdAt} desc, ${recordings.id} desc)`.as("recent"),
      document: recordingSearchDocuments.document,
    })
    .from(recordings)
    .innerJoin(recordingSearchDocuments, eq(recordingSearchDocuments.recordingId, recordings.id))
    .where(where)
    .as("matched");
  const rank = sql`case when ${matched.recent} <= ${RELEVANCE_WINDOW} then ts_rank(${matched.document}, ${wanted}) end`;
  const position = sql<number>`row_number() over (order by ${matched.nameHit} desc, ${rank} desc nulls last, ${matched.recent})`.as("position");
  const ordered = db.select({ id: matched.id, position }).from(matched).orderBy(position).limit(page.limit).offset(page.skip).as("ordered");
  return db
    .select({ recording: listedColumns, ownerPhone: users.phone })
    .from(ordered)
    .innerJoin(recordings, eq(recordings.id, ordered.id))
    .innerJoin(users, eq(recordings.userId, users.id))
    .orderBy(asc(ordered.position))
    .prepare("library_relevance")
    .execute();
}
