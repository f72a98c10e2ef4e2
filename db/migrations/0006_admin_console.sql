CREATE TABLE "admin_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_phone" text NOT NULL,
	"action" text NOT NULL,
	"target_user_id" uuid,
	"target_phone" text,
	"details" jsonb,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"default_quota_minutes" integer,
	"default_quota_bytes" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_settings_single_row" CHECK ("app_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "audio_usage" (
	"user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"seconds" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "audio_usage_user_id_month_pk" PRIMARY KEY("user_id","month"),
	CONSTRAINT "audio_usage_month_format" CHECK ("audio_usage"."month" ~ '^[0-9]{4}-[0-9]{2}$')
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "role_set_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quota_minutes" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "quota_bytes" bigint;--> statement-breakpoint
ALTER TABLE "audio_usage" ADD CONSTRAINT "audio_usage_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_log_created_idx" ON "admin_audit_log" USING btree ("created_at");