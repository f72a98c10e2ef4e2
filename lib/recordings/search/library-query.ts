import { z } from "zod";
import { transcriptionStatus } from "@/db/schema";

export const MAX_PAGE_SIZE = 100;
export const librarySorts = ["newest", "oldest", "longest", "title", "relevance"] as const;
export type LibrarySort = (typeof librarySorts)[number];

/** A calendar day (`2026-12-01`) or an instant (`2026-12-01T09:00:00Z`). */
const isoDateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/**
 * What the library can be narrowed and ordered by — the REST list's query string and the library
 * page's URL alike. `to` as a day includes that whole day.
 */
export const libraryQuerySchema = z.object({
  q: z.string().trim().max(200).optional().transform((q) => (q ? q : undefined)),
  status: z.enum(transcriptionStatus.enumValues).optional(),
  language: z.string().trim().min(1).max(16).optional(),
  from: isoDateOrTime.optional().transform((from) => (from ? new Date(from) : undefined)),
  to: isoDateOrTime.optional().transform((to) => (to ? endOf(to) : undefined)),
  sort: z.enum(librarySorts).optional(),
  skip: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).default(MAX_PAGE_SIZE).transform((limit) => Math.min(limit, MAX_PAGE_SIZE)),
  user_id: z.uuid().optional(),
});

export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

function endOf(to: string): Date {
  // A day: everything before the next midnight (UTC). An instant: exactly that.
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(Date.parse(to) + 86_400_000) : new Date(Date.parse(to) + 1);
}
