"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

type Props = {
  action: (input: { id: string }) => Promise<ActionResult<unknown>>;
  id: string;
  label: string;
  /** Names the row, for screen readers: "Revoke key CI" rather than a column of "Revoke". */
  accessibleLabel: string;
};

/** Revoke or delete one row of a settings list, then refresh the list; a refusal is shown beside the button. */
export function RowActionButton({ action, id, label, accessibleLabel }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await action({ id });
      if (result.ok) router.refresh();
      else setError(result.error.message);
    });
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <button type="button" onClick={run} disabled={pending} aria-label={accessibleLabel} className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 disabled:opacity-60">
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
