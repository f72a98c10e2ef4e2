/** How long transcript texts may be, shared by the REST API and the editor's actions. */
export const SEGMENT_TEXT_MAX_CHARS = 100_000;
export const TRANSCRIPT_TEXT_MAX_CHARS = 2_000_000;
export const TITLE_MAX_CHARS = 200;
