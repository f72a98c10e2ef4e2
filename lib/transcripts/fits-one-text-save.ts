import { ACTION_BODY_LIMIT_BYTES, TRANSCRIPT_TEXT_MAX_CHARS } from "./text-limits";

// Room for the action's other arguments and React's encoding of them.
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Whether a whole transcript text can be saved in one server action: within the character limit the
 * server checks, and small enough, as the JSON the browser sends, for Next.js's body limit (a text of
 * 3-byte characters or many quotes can pass the first and fail the second).
 */
export function fitsOneTextSave(text: string): boolean {
  if (text.length > TRANSCRIPT_TEXT_MAX_CHARS) return false;
  return new TextEncoder().encode(JSON.stringify(text)).length <= ACTION_BODY_LIMIT_BYTES - ENVELOPE_BYTES;
}
