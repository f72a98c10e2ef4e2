ALTER TABLE "recordings" ADD COLUMN "search_name" text GENERATED ALWAYS AS (public.search_fold(title || ' ' || original_filename)) STORED;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD COLUMN "search_text" text GENERATED ALWAYS AS (public.search_fold(text)) STORED;--> statement-breakpoint
CREATE INDEX "recordings_search_name_idx" ON "recordings" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "transcript_segments_search_text_idx" ON "transcript_segments" USING gin ("search_text" gin_trgm_ops);