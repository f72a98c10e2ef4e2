"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/webhook-events";
import { OneTimeSecret } from "../../_components/one-time-secret";
import { useCreateAction } from "../../_components/use-create-action";
import { createWebhookAction } from "../_actions/create-webhook";

export function CreateWebhookForm({ maxUrlChars }: { maxUrlChars: number }) {
  const t = useTranslations("webhooks");
  const id = useId();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const { created, error, setError, pending, run } = useCreateAction(createWebhookAction);

  function toggle(event: WebhookEvent, checked: boolean) {
    setEvents((current) => (checked ? [...current, event] : current.filter((item) => item !== event)));
  }

  function submit(formEvent: React.FormEvent) {
    formEvent.preventDefault();
    if (events.length === 0) return setError(t("noEvents"));
    run({ url: url.trim(), events }, () => setUrl(""));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4">
        <label htmlFor={id} className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          {t("urlLabel")}
          <input id={id} type="url" required maxLength={maxUrlChars} value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://example.com/yozuv" className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="mb-1">{t("eventsLegend")}</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2">
              <input type="checkbox" checked={events.includes(event)} onChange={(change) => toggle(event, change.target.checked)} />
              {t(`event.${event.replace(".", "_")}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {t("create")}
        </button>
        {error && (
          <p role="alert" className="w-full text-sm text-red-700">
            {error}
          </p>
        )}
      </form>
      {created && <OneTimeSecret title={t("createdTitle", { url: created.url })} hint={t("createdHint")} secret={created.secret} testId="webhook-secret" namespace="webhooks" />}
    </div>
  );
}
