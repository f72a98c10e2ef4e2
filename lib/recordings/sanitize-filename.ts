const MAX_LENGTH = 255;
// C0/C1 controls (CR, LF, NUL...), and the bidirectional overrides and isolates that can make
// "evil‮3pm.exe" display as "evilexe.mp3".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The name a person's file had, made safe to display and to store. It is only ever metadata: files
 * are stored under server-generated keys, and headers encode it per RFC 6266.
 */
export function sanitizeFilename(raw: string | undefined | null): string {
  const withoutPath = (raw ?? "").normalize("NFC").split(/[\\/]/).at(-1) ?? "";
  const cleaned = withoutPath.replace(/[\r\n\t]+/g, " ").replace(UNSAFE_CHARACTERS, "").replace(/\s+/g, " ").trim();
  const name = cleaned.replace(/^\.+$/, "");
  if (!name) return "recording";
  return Array.from(name).length > MAX_LENGTH ? truncateKeepingExtension(name) : name;
}

function truncateKeepingExtension(name: string): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  const stem = Array.from(name.slice(0, name.length - extension.length));
  return stem.slice(0, MAX_LENGTH - extension.length).join("") + extension;
}

/** A title for a recording uploaded without one: its file name without the extension. */
export function titleFromFilename(filename: string): string {
  return filename.replace(/\.[A-Za-z0-9]{1,5}$/, "") || filename;
}
