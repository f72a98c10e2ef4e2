/** How long transcript texts may be, shared by the REST API and the editor's actions. */
export const SEGMENT_TEXT_MAX_CHARS = 100_000;
export const TRANSCRIPT_TEXT_MAX_CHARS = 2_000_000;
export const TITLE_MAX_CHARS = 200;
/** Next.js refuses a server action's body above this (next.config.ts); the editor checks before sending. */
export const ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;
