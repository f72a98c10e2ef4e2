"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { deleteRecordingAction } from "../_actions/delete-recording";

export function DeleteRecordingButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("recordings");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirmDelete() {
    startTransition(async () => {
      const result = await deleteRecordingAction({ id });
      if (result.ok) router.push("/recordings");
      else setError(result.error.message);
    });
  }

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50">
        {t("delete")}
      </button>
      <dialog ref={dialog} className="m-auto max-w-sm rounded-xl p-6 backdrop:bg-black/40" aria-labelledby="delete-title">
        <p id="delete-title" className="mb-4">
          {t("deleteConfirm", { title })}
        </p>
        {error && (
          <p role="alert" className="mb-3 text-sm text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
            {t("cancel")}
          </button>
          <button type="button" onClick={confirmDelete} disabled={pending} className="rounded-md bg-red-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {t("deleteConfirmButton")}
          </button>
        </div>
      </dialog>
    </>
  );
}
