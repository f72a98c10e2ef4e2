-- btree_gin lets the owner's id sit in the documents' GIN index; a contrib extension shipped by
-- PostgreSQL and by PGlite (db/client.ts loads it there).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
-- Library search reads one document per recording instead of every segment: the trigram recheck of
-- hundreds of thousands of segments that a common stem matched was what made search slow. Folded text
-- (search_fold) is split by PostgreSQL's default parser with no stemming ('simple'). Hyphens separate
-- words first, so "dars-2026" is "dars" and "2026" (the parser would read "-2026" as a negative number).
CREATE OR REPLACE FUNCTION public.search_vector(folded text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN to_tsvector('simple'::regconfig, translate(folded, '-', ' '));--> statement-breakpoint
-- What a search box's text asks for: its words, folded and split exactly as documents are, in that
-- order (<->), each as the start of a word (:*), so `kitob` finds `kitoblarimizdan`. Folded text has
-- no apostrophes, so every lexeme in the query's text form is a plain '…' that can take the :*.
CREATE OR REPLACE FUNCTION public.search_query(typed text) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(phraseto_tsquery('simple'::regconfig, translate(public.search_fold(typed), '-', ' '))::text, '''([^'']*)''', '''\1'':*', 'g')::tsquery;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.recording_search_document(search_name text, transcript_text text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN public.search_vector(search_name || ' ' || coalesce(public.search_fold(transcript_text), ''));--> statement-breakpoint
CREATE TABLE "recording_search_documents" (
	"recording_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"document" "tsvector" NOT NULL,
	"name_document" "tsvector" NOT NULL
);
--> statement-breakpoint
DROP INDEX "recordings_search_name_idx";--> statement-breakpoint
DROP INDEX "transcript_segments_search_text_idx";--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD COLUMN "search_words" "tsvector" GENERATED ALWAYS AS (public.search_vector(public.search_fold(text))) STORED;--> statement-breakpoint
ALTER TABLE "recording_search_documents" ADD CONSTRAINT "recording_search_documents_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_search_documents_user_document_idx" ON "recording_search_documents" USING gin ("user_id","document");--> statement-breakpoint
ALTER TABLE "transcript_segments" DROP COLUMN "search_text";--> statement-breakpoint
-- Every transcript write sets recordings.transcript_text (lib/transcripts/transcript-writer.ts keeps it
-- equal to the segments' text), and titles and file names live on the same row, so one trigger there
-- keeps the document current whichever code path wrote.
CREATE OR REPLACE FUNCTION public.keep_recording_search_document() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.recording_search_documents (recording_id, user_id, created_at, document, name_document)
    VALUES (NEW.id, NEW.user_id, NEW.created_at, public.recording_search_document(NEW.search_name, NEW.transcript_text), public.search_vector(NEW.search_name))
    ON CONFLICT (recording_id) DO UPDATE SET user_id = excluded.user_id, created_at = excluded.created_at, document = excluded.document, name_document = excluded.name_document;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER recordings_search_document AFTER INSERT OR UPDATE OF user_id, created_at, title, original_filename, transcript_text ON public.recordings
  FOR EACH ROW EXECUTE FUNCTION public.keep_recording_search_document();--> statement-breakpoint
INSERT INTO public.recording_search_documents (recording_id, user_id, created_at, document, name_document)
  SELECT id, user_id, created_at, public.recording_search_document(search_name, transcript_text), public.search_vector(search_name) FROM public.recordings;
