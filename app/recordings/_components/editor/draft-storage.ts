/**
 * Unsaved edits survive a reload, a crash (the browser restores the tab's session) or a lost network
 * in sessionStorage, keyed by recording and segment, with the version they were typed against (so a
 * later save can still detect conflicts). Per tab on purpose: localStorage would hand one tab's
 * unsaved edits to another tab of the same recording, which would then save them as its own.
 * Closing a tab with unsaved edits is guarded by a "leave page?" prompt instead.
 */
export type Draft = { text: string; baseVersion: number };

const key = (recordingId: string, index: number) => `yozuv:draft:${recordingId}:${index}`;

export function saveDraft(recordingId: string, index: number, draft: Draft): void {
  try {
    sessionStorage.setItem(key(recordingId, index), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the edit still lives in the page and is being saved.
  }
}

export function clearDraft(recordingId: string, index: number): void {
  try {
    sessionStorage.removeItem(key(recordingId, index));
  } catch {
    // nothing to clear
  }
}

export function loadDrafts(recordingId: string): Map<number, Draft> {
  const drafts = new Map<number, Draft>();
  try {
    const prefix = `yozuv:draft:${recordingId}:`;
    for (let position = 0; position < sessionStorage.length; position += 1) {
      const name = sessionStorage.key(position);
      if (!name?.startsWith(prefix)) continue;
      const parsed = JSON.parse(sessionStorage.getItem(name) ?? "null") as Draft | null;
      if (parsed && typeof parsed.text === "string" && typeof parsed.baseVersion === "number") drafts.set(Number(name.slice(prefix.length)), parsed);
    }
  } catch {
    // unreadable storage: start from the server's text
  }
  return drafts;
}
