"use client";

import { useEffect, useRef } from "react";
import { shortcutFor, type ShortcutAction } from "./shortcuts";

/**
 * Listens on the whole document (so the shortcuts work while typing in the transcript) for as long as the
 * player is mounted, i.e. on the recording page only. A handler earlier in the page that already handled the key
 * (`preventDefault`) keeps it.
 */
export function usePlayerShortcuts(onShortcut: (action: ShortcutAction) => void) {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action === "playPause" && event.repeat) return;
      handler.current(action);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
