CREATE TYPE "public"."uzbek_script" AS ENUM('latin', 'cyrillic');--> statement-breakpoint
ALTER TYPE "public"."revision_kind" ADD VALUE 'script' BEFORE 'edit';--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "detected_language_probability" double precision;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "transcript_script" "uzbek_script" DEFAULT 'latin' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "default_language" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "vocabulary" text;