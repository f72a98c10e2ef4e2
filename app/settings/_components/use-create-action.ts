"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/action-result";

/**
 * A settings form that creates something with a one-time secret: runs the action, keeps what it
 * returned (to show the secret) or its localized refusal, and refreshes the list on success.
 */
export function useCreateAction<Input, Created>(action: (input: Input) => Promise<ActionResult<Created>>) {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(input: Input, onCreated: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await action(input);
      if (!result.ok) return setError(result.error.message);
      setCreated(result.data);
      onCreated();
      router.refresh();
    });
  }

  return { created, error, setError, pending, run };
}
