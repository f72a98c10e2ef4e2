import { sql, type Placeholder, type SQL } from "drizzle-orm";

/**
 * What the search box's text asks for, as a full-text query (`public.search_query`, migration
 * 0013_search_documents): its folded words in order, each the start of a word. Wrapped in a sub-select
 * so the database computes it once per statement (an init plan), never once per row it tests.
 */
export function searchQuery(typed: string | Placeholder): SQL {
  return sql`(select public.search_query(${typed}::text))`;
}

