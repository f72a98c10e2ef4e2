"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/action-result";
import { fitsOneTextSave } from "@/lib/transcripts/fits-one-text-save";
import { TRANSCRIPT_TEXT_MAX_CHARS } from "@/lib/transcripts/text-limits";
import { saveTranscriptText } from "../../_actions/save-transcript-text";
import { ConflictDialog } from "./conflict-dialog";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";

/** The simple mode: one text for recordings that have no timed segments. */
export function FullTextEditor({ recordingId, version, text }: { recordingId: string; version: number; text: string }) {
  const t = useTranslations("editor");
  const [value, setValue] = useState(text);
  const save = useCallback(
    async (_index: number, next: string, expected: number): Promise<ActionResult<{ version: number }>> => {
      // Sent anyway, an oversized text would be refused by Next.js before our action, with no reason given.
      if (!fitsOneTextSave(next)) return { ok: false, error: { code: "transcript_too_long", message: t("textTooLong", { max: TRANSCRIPT_TEXT_MAX_CHARS }) } };
      return saveTranscriptText({ id: recordingId, text: next, version: expected });
    },
    [recordingId, t],
  );
  const autosave = useAutosave(recordingId, version, save);
  const { restoreDrafts } = autosave;

  useEffect(() => {
    const draft = restoreDrafts().get(0);
    // sessionStorage only exists after hydration, so an unsaved draft can only come back in an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (draft) setValue(draft.text);
  }, [restoreDrafts]);

  return (
    <div className="space-y-2">
      <div className="flex justify-end text-sm">
        <SaveStatus state={autosave.state} refusal={autosave.refusal} onRetry={() => void autosave.retry()} />
      </div>
      <textarea
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          autosave.edit(0, event.target.value);
        }}
        rows={12}
        aria-label={t("fullTextLabel")}
        className="w-full rounded-md border border-slate-300 p-2 leading-relaxed"
        data-testid="full-text-editor"
      />
      {autosave.conflict && (
        <ConflictDialog
          conflict={autosave.conflict}
          onChoose={(choice) => {
            if (choice === "theirs") setValue(autosave.conflict!.theirs);
            autosave.resolve(choice);
          }}
        />
      )}
    </div>
  );
}
