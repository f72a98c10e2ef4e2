/**
 * Where the caret goes once the editor comes back after a split or merge (the page re-renders with the
 * new segments and the editor starts afresh), so the person keeps typing where they were.
 */
let pending: { index: number; caret: number } | null = null;

export function focusAfterRender(index: number, caret: number): void {
  pending = { index, caret };
}

export function takePendingFocus(): { index: number; caret: number } | null {
  const taken = pending;
  pending = null;
  return taken;
}
