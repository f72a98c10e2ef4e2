export type ShortcutAction = "playPause" | "back" | "forward" | "slower" | "faster";

/** One way to press a shortcut: keys shown joined by "+", e.g. ["Ctrl", "→"]. */
export type KeyCombo = readonly string[];

/**
 * The keyboard shortcuts, in the order the help lists them. They must work while typing in the transcript, so
 * every one is either a Ctrl combination that types nothing or a key that types nothing (Esc, F1–F4):
 *
 * - Ctrl, never ⌘, on every system: ⌘ combinations belong to the browser on macOS.
 * - Ctrl+arrows (Windows, Linux) replace word-by-word caret moves only inside this page; on macOS the system
 *   usually takes Ctrl+arrows (Spaces, Mission Control) and Ctrl+Space (input source), so Esc and F1–F4
 *   (the keys transcription tools such as oTranscribe and Express Scribe use) are offered everywhere too.
 * - Esc plays/pauses only when no dialog is open, so it still closes dialogs.
 */
export const SHORTCUTS: readonly { action: ShortcutAction; combos: readonly KeyCombo[] }[] = [
  { action: "playPause", combos: [["Ctrl", "Space"], ["Esc"]] },
  { action: "back", combos: [["Ctrl", "←"], ["F1"]] },
  { action: "forward", combos: [["Ctrl", "→"], ["F2"]] },
  { action: "slower", combos: [["Ctrl", "↓"], ["F3"]] },
  { action: "faster", combos: [["Ctrl", "↑"], ["F4"]] },
];

const CTRL_CODES: Record<string, ShortcutAction> = {
  Space: "playPause",
  ArrowLeft: "back",
  ArrowRight: "forward",
  ArrowDown: "slower",
  ArrowUp: "faster",
};

const PLAIN_KEYS: Record<string, ShortcutAction> = {
  Escape: "playPause",
  F1: "back",
  F2: "forward",
  F3: "slower",
  F4: "faster",
};

/** The player action a key press asks for, or null when the press is not one of ours (or belongs to someone else). */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | null {
  if (event.defaultPrevented || event.isComposing || event.metaKey || event.altKey || event.shiftKey) return null;
  if (event.ctrlKey) return CTRL_CODES[event.code] ?? null;
  const action = PLAIN_KEYS[event.key] ?? null;
  if (action === "playPause" && dialogIsOpen(event.target)) return null;
  return action;
}

/** Esc belongs to dialogs and popovers (they close on it) whenever one is open or has focus. */
function dialogIsOpen(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest("dialog, [role='dialog'], [role='alertdialog'], [popover]")) return true;
  if (document.querySelector("dialog[open], [aria-modal='true']")) return true;
  try {
    return document.querySelector(":popover-open") !== null;
  } catch {
    return false; // a browser without the popover API has no open popovers
  }
}
