"use client";

import { useEffect, useRef } from "react";

type Handlers = { onFind: () => void; onNextUnsure: () => void };

/**
 * Editor keys that work anywhere on the page: Ctrl+F opens find in the transcript (instead of the
 * browser's, which cannot see inside the text boxes), Alt+N goes to the next unsure word.
 */
export function useEditorShortcuts(handlers: Handlers) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.metaKey) return;
      if (event.ctrlKey && !event.altKey && !event.shiftKey && event.code === "KeyF") {
        event.preventDefault();
        current.current.onFind();
      } else if (event.altKey && !event.ctrlKey && !event.shiftKey && event.code === "KeyN") {
        event.preventDefault();
        current.current.onNextUnsure();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
