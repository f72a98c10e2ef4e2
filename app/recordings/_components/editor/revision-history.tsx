"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { RevisionKind } from "@/db/schema";
import { restoreRevisionAction } from "../../_actions/restore-revision";

/** `savedAt` comes formatted from the server, so it reads the same before and after hydration. */
export type RevisionItem = { id: string; version: number; kind: RevisionKind; savedAt: string; authorPhone: string | null; text: string };

/** Every saved version, newest first; any earlier one can be brought back (as a new version). */
export function RevisionHistory({ recordingId, currentVersion, revisions }: { recordingId: string; currentVersion: number; revisions: RevisionItem[] }) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <details className="rounded-md border border-slate-200" data-testid="revision-history">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t("history", { count: revisions.length })}</summary>
      <ol className="divide-y divide-slate-200 border-t border-slate-200">
        {revisions.map((revision) => (
          <li key={revision.id} className="space-y-1 p-3 text-sm" data-testid="revision">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span>
                <strong>v{revision.version}</strong> · {t(`kind.${revision.kind}`)} · {revision.authorPhone ?? t("machine")} ·{" "}
                {revision.savedAt}
              </span>
              {revision.version === currentVersion ? (
                <span className="text-slate-500">{t("currentVersion")}</span>
              ) : (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await restoreRevisionAction({ id: recordingId, revisionId: revision.id, version: currentVersion });
                      if (result.ok) router.refresh();
                      else setError(result.error.message);
                    })
                  }
                  className="rounded-md border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100"
                >
                  {t("restore")}
                </button>
              )}
            </div>
            <p className="line-clamp-2 text-slate-600">{revision.text}</p>
          </li>
        ))}
      </ol>
      {error && (
        <p role="alert" className="p-3 text-sm text-red-700">
          {error}
        </p>
      )}
    </details>
  );
}
