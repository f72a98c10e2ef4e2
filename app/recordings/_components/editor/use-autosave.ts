"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { clearDraft, loadDrafts, saveDraft } from "./draft-storage";

export type SaveState = "idle" | "saving" | "saved" | "failed" | "conflict";
export type Conflict = { index: number; mine: string; theirs: string; theirVersion: number };
type Save = (index: number, text: string, version: number) => Promise<ActionResult<{ version: number }>>;

const DEBOUNCE_MS = 800;
const RETRY_MS = 5000;

/**
 * Saves edits one at a time (each save moves the transcript to a new version, which the next save
 * must name), after a pause in typing. A failed save keeps the text, in the page and in
 * sessionStorage, and is retried when the network is back; a conflict stops and asks the person.
 */
export function useAutosave(recordingId: string, initialVersion: number, save: Save) {
  const version = useRef(initialVersion);
  const pending = useRef(new Map<number, string>());
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<SaveState>("idle");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // Why the last save was refused, when the refusal says (a network failure does not).
  const [refusal, setRefusal] = useState<string | null>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    try {
      for (const [index, text] of pending.current) {
        setState("saving");
        const result = await save(index, text, version.current).catch(() => null);
        setRefusal(result && !result.ok ? result.error.message : null);
        if (result?.ok) {
          version.current = result.data.version;
          if (pending.current.get(index) === text) {
            pending.current.delete(index);
            clearDraft(recordingId, index);
          }
          continue;
        }
        const details = result && !result.ok ? (result.error.details as { current_version?: number; current_text?: string } | undefined) : undefined;
        if (details?.current_version !== undefined && details.current_text === text) {
          // The server already has exactly this text (an earlier attempt got through): nothing to choose.
          version.current = details.current_version;
          pending.current.delete(index);
          clearDraft(recordingId, index);
          continue;
        }
        if (result && !result.ok && result.error.code === "transcript_conflict" && details?.current_version !== undefined) {
          setConflict({ index, mine: text, theirs: details.current_text ?? "", theirVersion: details.current_version });
          setState("conflict");
        } else {
          setState("failed");
        }
        return false;
      }
      setState(pending.current.size ? "saving" : "saved");
      return pending.current.size === 0;
    } finally {
      running.current = false;
    }
  }, [recordingId, save]);

  const edit = useCallback(
    (index: number, text: string) => {
      pending.current.set(index, text);
      saveDraft(recordingId, index, { text, baseVersion: version.current });
      setState("saving");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, recordingId],
  );

  /**
   * Runs another change of the transcript (a speaker, a split, replace all) once every typed edit is
   * saved, against the version those saves reached; false when edits could not be saved first.
   */
  const perform = useCallback(
    async <Data extends { version: number }>(change: (version: number) => Promise<ActionResult<Data>>): Promise<ActionResult<Data> | null> => {
      if (timer.current) clearTimeout(timer.current);
      while (running.current) await new Promise((resolve) => setTimeout(resolve, 50));
      if (pending.current.size > 0 && !(await flush())) return null;
      running.current = true;
      try {
        setState("saving");
        const result = await change(version.current).catch(() => null);
        if (result?.ok) version.current = result.data.version;
        setState(result?.ok ? "saved" : "failed");
        return result;
      } finally {
        running.current = false;
      }
    },
    [flush],
  );

  /** The person chose: keep their text (saved over the other version) or take the other one. */
  const resolve = useCallback(
    (choice: "mine" | "theirs") => {
      if (!conflict) return;
      version.current = conflict.theirVersion;
      if (choice === "theirs") {
        pending.current.delete(conflict.index);
        clearDraft(recordingId, conflict.index);
      } else {
        saveDraft(recordingId, conflict.index, { text: conflict.mine, baseVersion: conflict.theirVersion });
      }
      setConflict(null);
      setState("idle");
      void flush();
    },
    [conflict, flush, recordingId],
  );

  // Drafts left by a closed tab or a lost connection are saved against the version they were typed on.
  const restoreDrafts = useCallback(() => {
    const drafts = loadDrafts(recordingId);
    for (const [index, draft] of drafts) pending.current.set(index, draft.text);
    const oldest = Math.min(...[...drafts.values()].map((draft) => draft.baseVersion));
    if (drafts.size) {
      version.current = oldest;
      void flush();
    }
    return drafts;
  }, [flush, recordingId]);

  useEffect(() => {
    const retry = () => {
      if (state === "failed") void flush();
    };
    const interval = setInterval(retry, RETRY_MS);
    window.addEventListener("online", retry);
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current.size) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      clearInterval(interval);
      window.removeEventListener("online", retry);
      window.removeEventListener("beforeunload", warn);
    };
  }, [flush, state]);

  return { state, refusal, conflict, edit, resolve, retry: flush, restoreDrafts, perform };
}
