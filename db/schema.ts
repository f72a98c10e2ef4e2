import { sql } from "drizzle-orm";
import type { TranscriptSegment, TranscriptWord } from "@/lib/transcripts/transcript-segment";
import { UZBEK_SCRIPTS } from "@/lib/transcription/script/uzbek-script";
import { bigint, check, customType, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["user", "admin"]);
export const locale = pgEnum("locale", ["uz", "ru", "en"]);
export const uzbekScript = pgEnum("uzbek_script", UZBEK_SCRIPTS);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull().unique(),
    role: userRole("role").notNull().default("user"),
    displayName: text("display_name"),
    preferredLocale: locale("preferred_locale"),
    // How Uzbek transcripts are written for this user; engines mix both scripts.
    transcriptScript: uzbekScript("transcript_script").notNull().default("latin"),
    // The language of an upload that names none; null leaves it to detection.
    defaultLanguage: text("default_language"),
    // Names and terms the engines are primed with (whisper's initial prompt).
    vocabulary: text("vocabulary"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    // Bumped by "sign out everywhere" and deactivation; sessions and tokens carry the value they were issued with.
    tokenVersion: integer("token_version").notNull().default(0),
    // Set when an admin changes the role in the console: from then on ADMIN_PHONES no longer promotes this user.
    roleSetAt: timestamp("role_set_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    // Null means no limit. New users get the defaults in app_settings at sign-up.
    quotaMinutes: integer("quota_minutes"),
    quotaBytes: bigint("quota_bytes", { mode: "number" }),
    // Words the engine was less sure of than this (0–1) are marked in the editor.
    unsureThreshold: doublePrecision("unsure_threshold").notNull().default(0.5),
    ...timestamps,
  },
  (table) => [
    check("users_phone_e164", sql`${table.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
    index("users_created_at_idx").on(table.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof userRole.enumValues)[number];

/** One sign-in code sent by SMS. The code itself is never stored: only an HMAC bound to this row and phone. */
export const otpChallenges = pgTable(
  "otp_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Set when the code signs someone in, or when a newer code replaces it: either way it is dead.
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("otp_challenges_phone_created_idx").on(table.phone, table.createdAt)],
);

/** Counters for rate-limiter-flexible's Drizzle store: limits hold across every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

/** A signed-in mobile device. Refresh tokens rotate inside it; reuse of a rotated one revokes it. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("auth_sessions_user_idx").on(table.userId)],
);

/**
 * A signed-in browser. Its id travels in the next-auth JWT and is checked against this row, so
 * signing out (revoking the row) ends that cookie at once, wherever it was copied to.
 */
export const browserSessions = pgTable(
  "browser_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    // Slides forward while the browser is used; an idle session ends here.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("browser_sessions_user_idx").on(table.userId)],
);

/**
 * A personal API key. Only the SHA-256 of the secret is kept (the secret has 256 random bits, so a fast
 * hash is enough); `prefix` is its start, shown in lists so people can tell their keys apart.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Written at most once a minute per key, so authenticating is a read.
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_keys_user_idx").on(table.userId)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
  },
  (table) => [index("refresh_tokens_session_idx").on(table.sessionId)],
);

/**
 * Where a user's webhooks go. `secret` signs every delivery (HMAC), so it is kept as it is; it is shown
 * only when the endpoint is created. Deleting an endpoint deletes its delivery log and pending retries.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    events: text("events").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Set after too many failed attempts in a row; a disabled endpoint is sent nothing.
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  },
  (table) => [index("webhook_endpoints_user_idx").on(table.userId)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export type WebhookAttempt = { at: string; statusCode: number | null; error: string | null };

/** One event for one endpoint, with every attempt to deliver it. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    // The exact body sent on every attempt (the signature covers these bytes).
    payload: text("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    history: jsonb("history").$type<WebhookAttempt[]>().notNull().default([]),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextRetryAt: timestamp("next_retry_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    // Given up: out of attempts, a refusal that retrying cannot change, or the endpoint was disabled.
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("webhook_deliveries_endpoint_created_idx").on(table.endpointId, table.createdAt)],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export const transcriptionStatus = pgEnum("transcription_status", ["pending", "processing", "completed", "failed"]);

export const recordings = pgTable(
  "recordings",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Server-generated; the user's file name is display metadata only and never reaches a path.
    storageKey: text("storage_key").notNull().unique(),
    originalFilename: text("original_filename").notNull(),
    title: text("title").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    durationSeconds: doublePrecision("duration_seconds").notNull(),
    mimeType: text("mime_type").notNull(),
    codec: text("codec"),
    sampleRate: integer("sample_rate"),
    channels: integer("channels"),
    language: text("language").notNull().default("auto"),
    transcriptionStatus: transcriptionStatus("transcription_status").notNull().default("pending"),
    transcriptText: text("transcript_text"),
    // Bumped by every change to the transcript; an edit names the version it was made against.
    transcriptVersion: integer("transcript_version").notNull().default(0),
    // The job whose result may be stored: a retranscription supersedes an older job still running.
    transcriptionJobId: text("transcription_job_id"),
    transcriptionProgress: integer("transcription_progress").notNull().default(0),
    transcriptionEngine: text("transcription_engine"),
    transcriptionModel: text("transcription_model"),
    detectedLanguage: text("detected_language"),
    // The detector's confidence in detectedLanguage, 0–1; null when the engine gives none.
    detectedLanguageProbability: doublePrecision("detected_language_probability"),
    transcriptionError: text("transcription_error"),
    transcriptionAttempts: integer("transcription_attempts").notNull().default(0),
    transcriptionStartedAt: timestamp("transcription_started_at", { withTimezone: true }),
    // Written every few seconds by the worker running the job; a stale one means that worker died.
    transcriptionHeartbeatAt: timestamp("transcription_heartbeat_at", { withTimezone: true }),
    transcriptionCompletedAt: timestamp("transcription_completed_at", { withTimezone: true }),
    ...timestamps,
    // Title and file name folded for search (search_fold, migration 0010_search); kept by the database.
    // Tells a hit in the name from one in the transcript (relevance), without the large search document.
    searchName: text("search_name").generatedAlwaysAs(sql`public.search_fold(title || ' ' || original_filename)`),
  },
  (table) => [
    index("recordings_user_created_idx").on(table.userId, table.createdAt),
    index("recordings_created_idx").on(table.createdAt),
    index("recordings_processing_heartbeat_idx").on(table.transcriptionHeartbeatAt).where(sql`${table.transcriptionStatus} = 'processing'`),
  ],
);

export type Recording = typeof recordings.$inferSelect;

/** Stored files whose removal failed after their row was deleted; the sweeper retries them. */
export const storageOrphans = pgTable("storage_orphans", {
  storageKey: text("storage_key").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The voices of one recording; segments point at them, so a rename shows everywhere at once. */
export const recordingSpeakers = pgTable(
  "recording_speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull(),
    // The order people see, and what Alt+1…Alt+9 pick.
    position: integer("position").notNull(),
  },
  (table) => [index("recording_speakers_recording_idx").on(table.recordingId, table.position)],
);

export type RecordingSpeaker = typeof recordingSpeakers.$inferSelect;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * One folded full-text document per recording (title, file name and the whole transcript), which is
 * what library search looks up: a GIN index answers `kitob:*` prefix queries without reading a
 * single transcript. Kept apart from `recordings` so that reading a recording never carries it, and
 * kept current by the database itself (the trigger in migration 0013_search_documents, fired by every
 * write of the title, file name or `transcript_text` — which every transcript write keeps equal to
 * the segments' text).
 */
export const recordingSearchDocuments = pgTable(
  "recording_search_documents",
  {
    recordingId: uuid("recording_id")
      .primaryKey()
      .references(() => recordings.id, { onDelete: "cascade" }),
    // The recording's owner, so one index lookup finds a user's own matches: a phrase that is common
    // across the library is then rechecked only in that user's recordings. Both copied from the recording by the trigger.
    userId: uuid("user_id").notNull(),
    // The recording's upload time, so matches are counted and ordered by date without the recordings.
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    document: tsvector("document").notNull(),
    // The title and file name alone: small enough to stay in the row, so relevance can put name hits
    // first without reading any transcript's document.
    nameDocument: tsvector("name_document").notNull(),
  },
  // user_id in a GIN index needs btree_gin (migration 0013_search_documents); admins' searches, which
  // name no owner, use the same index on the document alone.
  (table) => [index("recording_search_documents_user_document_idx").using("gin", table.userId, table.document)],
);

/** The timestamped pieces of a transcript; `recordings.transcript_text` is always their text joined. */
export const transcriptSegments = pgTable(
  "transcript_segments",
  {
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    startMs: integer("start_ms").notNull(),
    endMs: integer("end_ms").notNull(),
    text: text("text").notNull(),
    words: jsonb("words").$type<TranscriptWord[]>(),
    // Removing a speaker leaves their segments without one.
    speakerId: uuid("speaker_id").references(() => recordingSpeakers.id, { onDelete: "set null" }),
    // 0–1, for engines that score whole segments only (OpenAI's verbose_json); words carry their own.
    confidence: doublePrecision("confidence"),
    // The words of the text as search sees them (migration 0013_search_documents); kept by the
    // database. Only the segments of the recordings on a result page are tested (for their snippets),
    // so it has no index; stored, because parsing the text again for every tested segment cost more
    // than the rest of a search.
    searchWords: tsvector("search_words").generatedAlwaysAs(sql`public.search_vector(public.search_fold(text))`),
  },
  (table) => [
    primaryKey({ columns: [table.recordingId, table.index] }),
    index("transcript_segments_speaker_idx").on(table.speakerId),
  ],
);

// "script": the engine's Uzbek text converted to the owner's script; the "transcription" before it is the engine's own.
export const revisionKind = pgEnum("revision_kind", ["transcription", "script", "edit", "restore"]);
export type RevisionKind = (typeof revisionKind.enumValues)[number];

/** Every saved state of a transcript: who made it, when, and the segments and text as they were. */
export const transcriptRevisions = pgTable(
  "transcript_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recordingId: uuid("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: revisionKind("kind").notNull(),
    // Null for the machine's own transcription.
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    segments: jsonb("segments").$type<TranscriptSegment[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("transcript_revisions_recording_version_idx").on(table.recordingId, table.version)],
);

export type TranscriptRevision = typeof transcriptRevisions.$inferSelect;

/** Instance-wide settings an admin changes in the console; exactly one row (id 1), made by the migration. */
export const appSettings = pgTable(
  "app_settings",
  {
    id: integer("id").primaryKey().default(1),
    defaultQuotaMinutes: integer("default_quota_minutes"),
    defaultQuotaBytes: bigint("default_quota_bytes", { mode: "number" }),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (table) => [check("app_settings_single_row", sql`${table.id} = 1`)],
);

/**
 * Audio seconds uploaded per user and calendar month (UTC). A ledger rather than a sum over recordings,
 * so deleting a recording does not give its minutes back within the month.
 */
export const audioUsage = pgTable(
  "audio_usage",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    seconds: doublePrecision("seconds").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.userId, table.month] }), check("audio_usage_month_format", sql`${table.month} ~ '^[0-9]{4}-[0-9]{2}$'`)],
);

/**
 * Every admin action. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. No foreign keys, so
 * the entries outlive the users they name (the phones are copied for that reason).
 */
export const adminAuditLog = pgTable(
  "admin_audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorId: uuid("actor_id").notNull(),
    actorPhone: text("actor_phone").notNull(),
    action: text("action").notNull(),
    targetUserId: uuid("target_user_id"),
    targetPhone: text("target_phone"),
    // What else the action was about (a recording or job id) and what changed.
    details: jsonb("details").$type<Record<string, unknown>>(),
    ip: text("ip"),
    // The clock, not now(): entries written in one transaction get the times they were written.
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    // The order entries were written in. Two entries of one change can share a clock reading (PGlite's
    // clock is coarse), and the log must still list them the same way every time.
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
  },
  (table) => [index("admin_audit_log_created_idx").on(table.createdAt), uniqueIndex("admin_audit_log_seq_idx").on(table.seq)],
);

export type AdminAuditEntry = typeof adminAuditLog.$inferSelect;

export const modelDownloadState = pgEnum("model_download_state", ["downloading", "verified", "failed"]);

/**
 * Whisper model downloads into DATA_DIR/models, one row per file, written by whichever process downloads
 * it (about once a second while it runs), so the admin and recording pages of every process can show it.
 */
export const modelDownloads = pgTable("model_downloads", {
  file: text("file").primaryKey(),
  // A catalogue name or a URL, as the configuration gives it.
  source: text("source").notNull(),
  state: modelDownloadState("state").notNull(),
  receivedBytes: bigint("received_bytes", { mode: "number" }).notNull().default(0),
  totalBytes: bigint("total_bytes", { mode: "number" }),
  error: text("error"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ModelDownload = typeof modelDownloads.$inferSelect;

export const pendingUploadState = pgEnum("pending_upload_state", ["pending", "completing", "completed", "failed"]);

/**
 * Direct uploads: a presigned POST handed to a client, which sends the file straight to the object
 * store under `staging_key`; completing it checks the object like any upload and makes the recording.
 */
export const pendingUploads = pgTable(
  "pending_uploads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stagingKey: text("staging_key").notNull().unique(),
    // What the client declared; the object's real size and content are checked at completion.
    filename: text("filename").notNull(),
    declaredSize: bigint("declared_size", { mode: "number" }).notNull(),
    contentType: text("content_type").notNull(),
    state: pendingUploadState("state").notNull().default("pending"),
    recordingId: uuid("recording_id").references(() => recordings.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("pending_uploads_user_idx").on(table.userId, table.createdAt)],
);

export type PendingUpload = typeof pendingUploads.$inferSelect;

export const workerKind = pgEnum("worker_kind", ["embedded", "standalone"]);

/**
 * The transcription worker processes that announced themselves (pg-boss keeps no register of its
 * own): each refreshes `last_seen_at` while it runs and deletes its row on a clean stop, so a row
 * not refreshed lately is a process that died or lost its database.
 */
export const transcriptionWorkers = pgTable(
  "transcription_workers",
  {
    id: uuid("id").primaryKey(),
    host: text("host").notNull(),
    pid: integer("pid").notNull(),
    kind: workerKind("kind").notNull(),
    concurrency: integer("concurrency").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("transcription_workers_last_seen_idx").on(table.lastSeenAt)],
);

export type TranscriptionWorker = typeof transcriptionWorkers.$inferSelect;
