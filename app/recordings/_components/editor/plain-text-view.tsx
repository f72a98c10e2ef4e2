"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** The whole transcript as plain text, to read or copy elsewhere. */
export function PlainTextView({ text }: { text: string }) {
  const t = useTranslations("editor");
  const [copied, setCopied] = useState(false);
  return (
    <details className="rounded-md border border-slate-200" data-testid="plain-text">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("plainText")}</summary>
      <div className="space-y-2 border-t border-slate-200 p-3">
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          }}
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100"
        >
          {copied ? t("copied") : t("copy")}
        </button>
        <p className="whitespace-pre-wrap leading-relaxed">{text}</p>
      </div>
    </details>
  );
}
