"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { OneTimeSecret } from "../../_components/one-time-secret";
import { useCreateAction } from "../../_components/use-create-action";
import { createApiKeyAction } from "../_actions/create-api-key";

export function CreateApiKeyForm({ maxNameChars }: { maxNameChars: number }) {
  const t = useTranslations("apiKeys");
  const id = useId();
  const [name, setName] = useState("");
  const { created, error, pending, run } = useCreateAction(createApiKeyAction);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    run({ name }, () => setName(""));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white p-4">
        <label htmlFor={id} className="flex flex-col gap-1 text-sm">
          {t("nameLabel")}
          <input id={id} required maxLength={maxNameChars} value={name} onChange={(event) => setName(event.target.value)} className="w-64 rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("create")}
        </button>
        {error && (
          <p role="alert" className="w-full text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {created && <OneTimeSecret title={t("createdTitle", { name: created.name })} hint={t("createdHint")} secret={created.secret} testId="api-key-secret" namespace="apiKeys" />}
    </div>
  );
}
