"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { renameRecording } from "../_actions/rename-recording";

export function TitleEditor({ id, title }: { id: string; title: string }) {
  const t = useTranslations("recordings");
  const [value, setValue] = useState(title);
  const [saved, setSaved] = useState(title);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await renameRecording({ id, title: value });
          if (result.ok) {
            setSaved(result.data.title);
            setMessage({ text: t("saved"), error: false });
          } else {
            setMessage({ text: result.error.message, error: true });
          }
        });
      }}
    >
      <label htmlFor="recording-title" className="sr-only">
        {t("titleLabel")}
      </label>
      <input
        id="recording-title"
        value={value}
        maxLength={200}
        onChange={(event) => setValue(event.target.value)}
        className="min-w-0 flex-1 rounded-md border border-transparent bg-transparent px-1 text-2xl font-semibold hover:border-slate-300 focus:border-slate-300"
      />
      {value !== saved && (
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
          {t("save")}
        </button>
      )}
      {message && (
        <span role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-700" : "text-emerald-700"}`}>
          {message.text}
        </span>
      )}
    </form>
  );
}
