"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Conflict } from "./use-autosave";

/** Both texts side by side; nothing is overwritten until the person chooses. */
export function ConflictDialog({ conflict, onChoose }: { conflict: Conflict; onChoose: (choice: "mine" | "theirs") => void }) {
  const t = useTranslations("editor");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);

  return (
    <dialog ref={dialog} aria-labelledby="conflict-title" className="m-auto w-full max-w-2xl rounded-xl p-6 backdrop:bg-black/40" onCancel={(event) => event.preventDefault()} data-testid="conflict-dialog">
      <h2 id="conflict-title" className="mb-2 text-lg font-semibold">
        {t("conflictTitle")}
      </h2>
      <p className="mb-4 text-sm text-slate-600">{t("conflictBody")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <figure>
          <figcaption className="mb-1 text-sm font-medium">{t("yourVersion")}</figcaption>
          <p className="rounded-md border border-slate-200 bg-slate-50 p-2 whitespace-pre-wrap" data-testid="conflict-mine">
            {conflict.mine}
          </p>
        </figure>
        <figure>
          <figcaption className="mb-1 text-sm font-medium">{t("theirVersion")}</figcaption>
          <p className="rounded-md border border-slate-200 bg-slate-50 p-2 whitespace-pre-wrap" data-testid="conflict-theirs">
            {conflict.theirs}
          </p>
        </figure>
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" onClick={() => onChoose("theirs")} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
          {t("keepTheirs")}
        </button>
        <button type="button" onClick={() => onChoose("mine")} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
          {t("keepMine")}
        </button>
      </div>
    </dialog>
  );
}
