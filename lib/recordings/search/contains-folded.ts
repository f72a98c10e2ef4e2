import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { escapeLike } from "./escape-like";

/**
 * A stored folded column (`recordings.search_name`, `transcript_segments.search_text`) contains
 * `query` folded the same way (`search_fold`, migration 0010_search), as a substring: the trigram
 * index on the column finds the candidates, and rechecking them is a plain LIKE.
 */
export function containsFolded(foldedColumn: SQLWrapper, query: string): SQL {
  return sql`${foldedColumn} like '%' || public.search_fold(${escapeLike(query)}::text) || '%'`;
}
