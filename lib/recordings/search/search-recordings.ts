import "server-only";
import { and, asc, desc, eq, gte, lt, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recordings, users, type Recording } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { visibleTo } from "@/lib/recordings/recording-access";
import { findSegmentMatches, type SegmentMatch } from "./find-segment-matches";
import { containsFolded } from "./contains-folded";
import type { LibraryQuery } from "./library-query";

export type LibraryItem = Recording & { ownerPhone: string; matches?: SegmentMatch[] };
export type LibraryPage = { items: LibraryItem[]; total: number; skip: number; limit: number };

/**
 * The caller's library (admins: everyone's), filtered and ordered, and with `q` only recordings
 * whose title, original file name or any transcript segment contains it — folded for case, accents
 * and apostrophes, as a substring, so `kitob` finds `kitoblarimizdan`. Each search hit carries up to
 * three matching segments. `total` counts every matching recording, not just this page.
 */
export async function searchRecordings(caller: CurrentUser, query: LibraryQuery): Promise<LibraryPage> {
  const q = query.q;
  const nameHit = q ? containsFolded(recordings.searchName, q) : undefined;
  // For a user's own few recordings the primary key finds their segments; across a whole library
  // (an admin) the trigram index on the segments does.
  const segmentHit = q ? containsFolded(sql`s.search_text`, q) : undefined;
  const textHit = segmentHit && sql`exists (select 1 from transcript_segments s where s.recording_id = ${recordings.id} and ${segmentHit})`;
  const where = and(
    visibleTo(caller),
    query.user_id ? eq(recordings.userId, query.user_id) : undefined,
    query.status ? eq(recordings.transcriptionStatus, query.status) : undefined,
    query.language ? or(eq(recordings.language, query.language), and(eq(recordings.language, "auto"), eq(recordings.detectedLanguage, query.language))) : undefined,
    query.from ? gte(recordings.createdAt, query.from) : undefined,
    query.to ? lt(recordings.createdAt, query.to) : undefined,
    q ? or(nameHit, textHit) : undefined,
  );
  const sort = query.sort ?? (q ? "relevance" : "newest");
  // A hit in the title or file name first, then by how many segments contain it.
  const relevance = q && sql`(case when ${nameHit} then 1000 else 0 end + (select count(*) from transcript_segments s where s.recording_id = ${recordings.id} and ${segmentHit}))`;
  const order = {
    newest: [desc(recordings.createdAt), desc(recordings.id)],
    oldest: [asc(recordings.createdAt), asc(recordings.id)],
    longest: [desc(recordings.durationSeconds), desc(recordings.createdAt), desc(recordings.id)],
    title: [asc(sql`lower(${recordings.title})`), desc(recordings.createdAt), desc(recordings.id)],
    relevance: [...(relevance ? [desc(relevance)] : []), desc(recordings.createdAt), desc(recordings.id)],
  }[sort];

  const rows = await db
    .select({ recording: recordings, ownerPhone: users.phone, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(recordings)
    .innerJoin(users, eq(recordings.userId, users.id))
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.skip);
  const total = rows[0]?.total ?? (query.skip > 0 ? await db.$count(recordings, where) : 0);
  const matches = q ? await findSegmentMatches(rows.map((row) => row.recording.id), q) : undefined;
  return {
    items: rows.map((row) => ({ ...row.recording, ownerPhone: row.ownerPhone, ...(matches ? { matches: matches.get(row.recording.id) ?? [] } : {}) })),
    total,
    skip: query.skip,
    limit: query.limit,
  };
}
