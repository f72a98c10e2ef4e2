"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** A secret shown this once, with a copy button; leaving the page loses it for good. */
type Props = { title: string; hint: string; secret: string; testId: string; namespace: "apiKeys" | "webhooks" };

export function OneTimeSecret({ title, hint, secret, testId, namespace }: Props) {
  const t = useTranslations(namespace);
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission (an insecure origin, a denied prompt): the field is still selectable.
      setCopied(false);
    }
  }

  return (
    <div role="status" className="space-y-2 rounded-xl border border-emerald-300 bg-emerald-50 p-4">
      <h2 className="font-medium">{title}</h2>
      <p className="text-sm text-slate-700">{hint}</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          {title}
        </label>
        <input id={id} readOnly value={secret} data-testid={testId} onFocus={(event) => event.target.select()} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-sm" />
        <button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {t("copy")}
        </button>
        {copied !== null && <span className="text-sm text-slate-700">{copied ? t("copied") : t("copyFailed")}</span>}
      </div>
    </div>
  );
}
