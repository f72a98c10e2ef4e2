CREATE TYPE "public"."model_download_state" AS ENUM('downloading', 'verified', 'failed');--> statement-breakpoint
CREATE TABLE "model_downloads" (
	"file" text PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"state" "model_download_state" NOT NULL,
	"received_bytes" bigint DEFAULT 0 NOT NULL,
	"total_bytes" bigint,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
