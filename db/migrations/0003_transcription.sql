CREATE TABLE "transcript_segments" (
	"recording_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"start_ms" integer NOT NULL,
	"end_ms" integer NOT NULL,
	"text" text NOT NULL,
	"words" jsonb,
	CONSTRAINT "transcript_segments_recording_id_index_pk" PRIMARY KEY("recording_id","index")
);
--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_job_id" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_progress" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_engine" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_model" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_language" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "detected_language" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_error" text;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "transcription_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;