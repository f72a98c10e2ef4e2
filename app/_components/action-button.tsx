"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

type Props<Input> = {
  action: (input: Input) => Promise<ActionResult<unknown>>;
  input: Input;
  label: string;
  tone?: "default" | "danger";
  testId?: string;
  /** Names the row for screen readers: "Revoke key CI" rather than a column of "Revoke". */
  accessibleLabel?: string;
};

/** One action behind one button (admin lists, settings lists): runs it, refreshes the page, and shows a refusal next to the button. */
export function ActionButton<Input>({ action, input, label, tone = "default", testId, accessibleLabel }: Props<Input>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const style = tone === "danger" ? "border-red-300 text-red-700 hover:bg-red-50" : "border-slate-300 text-slate-800 hover:bg-slate-100";

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" onClick={run} disabled={pending} data-testid={testId} aria-label={accessibleLabel} className={`rounded-md border px-2 py-1 text-xs font-medium disabled:opacity-60 ${style}`}>
        {label}
      </button>
      {error && (
        <span role="alert" className="max-w-56 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
