"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

type Quotas = { quotaMinutes: number | null; quotaBytes: number | null };
type Props = {
  action: (input: Quotas & { id?: string }) => Promise<ActionResult<unknown>>;
  /** The user whose quotas these are; none for the defaults for new users. */
  userId?: string;
  initial: Quotas;
  label: string;
};

const MEGABYTE = 2 ** 20;

/** Minutes per month and storage in MB; an empty field means no limit. */
export function QuotaForm({ action, userId, initial, label }: Props) {
  const t = useTranslations("admin");
  const router = useRouter();
  const id = useId();
  const [minutes, setMinutes] = useState(initial.quotaMinutes?.toString() ?? "");
  const [megabytes, setMegabytes] = useState(initial.quotaBytes === null ? "" : String(Math.round(initial.quotaBytes / MEGABYTE)));
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setStatus(null);
    const quotas = { quotaMinutes: minutes === "" ? null : Number(minutes), quotaBytes: megabytes === "" ? null : Math.round(Number(megabytes) * MEGABYTE) };
    startTransition(async () => {
      const result = await action({ ...quotas, ...(userId ? { id: userId } : {}) });
      setStatus(result.ok ? { ok: true, message: t("saved") } : { ok: false, message: result.error.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-label={label} className="flex flex-wrap items-end gap-2 text-xs">
      <label htmlFor={`${id}-minutes`} className="flex flex-col gap-0.5">
        {t("users.quotaMinutes")}
        <input id={`${id}-minutes`} type="number" min={0} step={1} inputMode="numeric" value={minutes} onChange={(event) => setMinutes(event.target.value)} placeholder={t("unlimited")} className="w-24 rounded border border-slate-300 px-1.5 py-1" />
      </label>
      <label htmlFor={`${id}-megabytes`} className="flex flex-col gap-0.5">
        {t("users.quotaMegabytes")}
        <input id={`${id}-megabytes`} type="number" min={0} step={1} inputMode="numeric" value={megabytes} onChange={(event) => setMegabytes(event.target.value)} placeholder={t("unlimited")} className="w-24 rounded border border-slate-300 px-1.5 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 px-2 py-1 font-medium hover:bg-slate-100 disabled:opacity-60">
        {t("save")}
      </button>
      {status && (
        <span role={status.ok ? "status" : "alert"} className={status.ok ? "text-emerald-800" : "text-red-700"}>
          {status.message}
        </span>
      )}
    </form>
  );
}
