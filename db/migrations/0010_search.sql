-- Library search: case-, accent- and apostrophe-insensitive substring matching with trigram indexes.
-- Both are contrib extensions shipped by PostgreSQL and by PGlite (db/client.ts loads them there).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- The one folding used by the stored search columns and by every query (lib/recordings/search
-- mirrors it for highlighting): Uzbek apostrophe letters are typed o' o‘ oʻ o’ o` (and ʼ for the
-- tutuq belgisi), so every apostrophe-like character is dropped; then accents go (ё → е) and case.
-- unaccent() itself is only STABLE (it reads a dictionary), so it is wrapped with the dictionary
-- named, which makes the result depend on the text alone and lets generated columns use it. The
-- folded text is stored (next migration) because folding is far too slow to redo for every
-- candidate row a query rechecks.
CREATE OR REPLACE FUNCTION public.search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, translate($1, E'\'`\u00B4\u02B9\u02BB\u02BC\u02BD\u2018\u2019\u201B\u2032', '')));
