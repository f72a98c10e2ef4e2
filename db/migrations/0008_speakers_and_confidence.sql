CREATE TABLE "recording_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD COLUMN "speaker_id" uuid;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD COLUMN "confidence" double precision;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unsure_threshold" double precision DEFAULT 0.5 NOT NULL;--> statement-breakpoint
ALTER TABLE "recording_speakers" ADD CONSTRAINT "recording_speakers_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_speakers_recording_idx" ON "recording_speakers" USING btree ("recording_id","position");--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_speaker_id_recording_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."recording_speakers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transcript_segments_speaker_idx" ON "transcript_segments" USING btree ("speaker_id");