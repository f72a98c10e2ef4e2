import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { escapeLike } from "./escape-like";

/**
 * `column` contains `query` once both are folded by `search_fold` (migration 0006_search): the
 * expression the trigram indexes are built on, so they serve it.
 */
export function foldedLike(column: SQLWrapper, query: string): SQL {
  return sql`public.search_fold(${column}) like '%' || public.search_fold(${escapeLike(query)}::text) || '%'`;
}
