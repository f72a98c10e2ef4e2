CREATE TYPE "public"."worker_kind" AS ENUM('embedded', 'standalone');--> statement-breakpoint
CREATE TABLE "transcription_workers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"kind" "worker_kind" NOT NULL,
	"concurrency" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "transcription_workers_last_seen_idx" ON "transcription_workers" USING btree ("last_seen_at");