import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gte, lt, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import { recordingSearchDocuments as documents, recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { LibraryQuery, LibrarySort } from "./library-query";
import { visibleTo } from "@/lib/recordings/recording-access";
import { preparedOnce } from "./prepared-once";
import { readSegmentMatches, type SegmentMatch } from "./read-segment-matches";
import { searchQuery } from "./search-query";
import { segmentMatchesOf, type RawSegmentMatch } from "./segment-matches-of";

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
  const q = query.q;
  const [rows, total] = q ? await searchPage(caller, query, sort) : await listPage(caller, query, sort);
  return {
    items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone, ...(q && row.matches ? { matches: readSegmentMatches(row.matches, q) } : {}) })),
    total,
    skip: query.skip,
    limit: query.limit,
  };
}

type Row = { recording: LibraryRecording; ownerPhone: string; matches?: RawSegmentMatch[] | string };

const recordingOrder = {
  newest: [desc(recordings.createdAt), desc(recordings.id)],
  oldest: [asc(recordings.createdAt), asc(recordings.id)],
  longest: [desc(recordings.durationSeconds), desc(recordings.createdAt), desc(recordings.id)],
  title: [asc(sql`lower(${recordings.title})`), desc(recordings.createdAt), desc(recordings.id)],
};

/**
 * A search page's order, by columns of the matches: a top-N sort of them, rather than numbering every
 * match in order first. Relevance: a name hit, then the rank, then newest. `recent` is unique, so the order is total.
 */
function orderOf(sort: LibrarySort, nameHit: SQL | SQL.Aliased, rank: SQL | SQL.Aliased, recent: SQL | SQL.Aliased): SQL[] {
  switch (sort) {
    case "relevance":
      return [sql`${nameHit} desc`, sql`${rank} desc nulls last`, sql`${recent}`];
    case "newest":
      return [sql`${recent}`];
    case "oldest":
      return [sql`${recent} desc`];
    case "longest":
      return [sql`sort_key desc`, sql`${recent}`];
    case "title":
      return [sql`sort_key`, sql`${recent}`];
  }
}

function languageIs(language: Placeholder): SQL | undefined {
  return or(eq(recordings.language, language), and(eq(recordings.language, "auto"), eq(recordings.detectedLanguage, language)));
}

/**
 * Which filters a query uses, with its sort and whose library it reads: everything that changes a
 * page's SQL. Each shape's statements are prepared once; the values go in as placeholders.
 */
function shapeOf(caller: CurrentUser, query: LibraryQuery, sort: LibrarySort): string {
  return [sort, caller.role === "admin" ? "everyone" : "own", query.user_id && "owner", query.status && "status", query.language && "language", query.from && "from", query.to && "to"].filter(Boolean).join(" ");
}

/** The placeholders' values; a shape reads only the ones it has. Instants as ISO text, which both drivers pass as given. */
function valuesOf(caller: CurrentUser, query: LibraryQuery): Record<string, unknown> {
  return { callerId: caller.id, ownerId: query.user_id, status: query.status, language: query.language, from: query.from?.toISOString(), to: query.to?.toISOString(), skip: query.skip, limit: query.limit, q: query.q };
}

const value = (name: string) => sql.placeholder(name);

/** Without `q`: the recordings themselves, through their owner and date indexes. */
async function listPage(caller: CurrentUser, query: LibraryQuery, sort: LibrarySort): Promise<[Row[], number]> {
  const shape = shapeOf(caller, query, sort);
  const where = () =>
    and(
      visibleTo(caller, { callerId: value("callerId") }),
      query.user_id ? eq(recordings.userId, value("ownerId")) : undefined,
      query.status ? eq(recordings.transcriptionStatus, value("status")) : undefined,
      query.language ? languageIs(value("language")) : undefined,
      query.from ? gte(recordings.createdAt, value("from")) : undefined,
      query.to ? lt(recordings.createdAt, value("to")) : undefined,
    );
  // The count rides along as a sub-select, computed once: one round trip per page instead of two.
  const page = preparedOnce(`library_page ${shape}`, (db) =>
    db
      .select({ recording: listedColumns, ownerPhone: users.phone, total: db.$count(recordings, where()) })
      .from(recordings)
      .innerJoin(users, eq(recordings.userId, users.id))
      .where(where())
      .orderBy(...recordingOrder[sort === "relevance" ? "newest" : sort])
      .limit(value("limit"))
      .offset(value("skip"))
      .prepare("library_page"),
  );
  const values = valuesOf(caller, query);
  const rows = await page.execute(values);
  if (rows[0] || query.skip === 0) return [rows, rows[0]?.total ?? 0];
  // Past the last page there is no row to carry the count.
  const counted = preparedOnce(`library_count ${shape}`, (db) => db.select({ total: count() }).from(recordings).where(where()).prepare("library_count"));
  return [rows, (await counted.execute(values))[0]?.total ?? 0];
}

/**
 * With `q`: the matching search documents, which carry their owner and upload time, so counting and
 * ordering thousands of matches reads no recording row (status and language filters, and the sorts
 * by length and title, join the recordings). Only the page's recordings are then read whole, with
 * their first matching segments, all in one statement.
 *
 * Relevance: a hit in the title or file name first, then, among the newest RELEVANCE_WINDOW
 * matches, ts_rank (how often and how densely the words occur), then newest first.
 */
async function searchPage(caller: CurrentUser, query: LibraryQuery, sort: LibrarySort): Promise<[Row[], number]> {
  const shape = shapeOf(caller, query, sort);
  const byRecording = Boolean(query.status || query.language || sort === "longest" || sort === "title");
  const filtered = () => {
    const wanted = searchQuery(value("q"));
    const where = and(
      sql`${documents.document} @@ ${wanted}`,
      visibleTo(caller, { owner: documents.userId, callerId: value("callerId") }),
      query.user_id ? eq(documents.userId, value("ownerId")) : undefined,
      query.from ? gte(documents.createdAt, value("from")) : undefined,
      query.to ? lt(documents.createdAt, value("to")) : undefined,
      query.status ? eq(recordings.transcriptionStatus, value("status")) : undefined,
      query.language ? languageIs(value("language")) : undefined,
    );
    return { wanted, where };
  };
  const joined = <T extends { innerJoin: (table: typeof recordings, on: SQL) => unknown }>(select: T) => {
    if (byRecording) select.innerJoin(recordings, eq(recordings.id, documents.recordingId));
    return select;
  };
  const page = preparedOnce(`library_search ${shape}`, (db) => {
    const { wanted, where } = filtered();
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
    // Ranked only within the window: outside it, the rank is null and the date decides.
    const rank = sql<number | null>`case when ${matched.recent} <= ${RELEVANCE_WINDOW} then ts_rank(${matched.document}, ${wanted}) end`.as("rank");
    // Counted in the same pass that numbers the matches, so the documents are found (and a phrase's
    // positions rechecked) once, not again by a separate count.
    const total = sql<string>`count(*) over ()`.as("total");
    const ordered = db
      .select({ id: matched.id, nameHit: matched.nameHit, rank, recent: matched.recent, ...(sort === "longest" || sort === "title" ? { key: sql`sort_key`.as("sort_key") } : {}), total })
      .from(matched)
      .orderBy(...orderOf(sort, sql`"name_hit"`, sql`"rank"`, sql`"recent"`))
      .limit(value("limit"))
      .offset(value("skip"))
      .as("ordered");
    return db
      .select({ recording: listedColumns, ownerPhone: users.phone, total: ordered.total, matches: segmentMatchesOf(recordings.id, value("q")) })
      .from(ordered)
      .innerJoin(recordings, eq(recordings.id, ordered.id))
      .innerJoin(users, eq(recordings.userId, users.id))
      .orderBy(...orderOf(sort, ordered.nameHit, ordered.rank, ordered.recent))
      .prepare("library_search");
  });
  const values = valuesOf(caller, query);
  const rows = await page.execute(values);
  if (rows[0] || query.skip === 0) return [rows, Number(rows[0]?.total ?? 0)];
  // Past the last page there is no row to carry the count.
  const counted = preparedOnce(`library_search_count ${shape}`, (db) => joined(db.select({ total: count() }).from(documents).$dynamic()).where(filtered().where).prepare("library_search_count"));
  return [rows, (await counted.execute(values))[0]?.total ?? 0];
}
