import { cyrillicToLatin } from "./cyrillic-to-latin";
import { latinToCyrillic } from "./latin-to-cyrillic";
import { normalizeUzbekLatin } from "./normalize-uzbek-latin";
import type { UzbekScript } from "./uzbek-script";

/**
 * Uzbek text in the chosen script, whichever script (or mix) it came in. Each direction converts only
 * the other script's letters and leaves its own alone, which makes it idempotent: text already in
 * `script` comes back unchanged, so it is safe on edited or re-run transcripts.
 */
export function writeUzbekScript(text: string, script: UzbekScript): string {
  return script === "latin" ? normalizeUzbekLatin(cyrillicToLatin(text)) : latinToCyrillic(text);
}
