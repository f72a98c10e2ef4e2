/** What the upload form checks before sending; the server checks the same and more (by content). */
export const ACCEPTED_EXTENSIONS = [".mp3", ".wav", ".m4a", ".mp4", ".flac", ".ogg", ".oga", ".opus", ".webm"] as const;

export function looksLikeAcceptedAudio(file: { name: string; type: string }): boolean {
  const name = file.name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => name.endsWith(extension)) || /^audio\//.test(file.type);
}
