import { getFormatter, getTranslations } from "next-intl/server";
import type { WebhookDelivery } from "@/db/schema";
import { WEBHOOK_URL_MAX_CHARS } from "@/lib/api/schemas/webhook-schemas";
import { requireSessionUser } from "@/lib/auth/current-user";
import { ENDPOINT_FAILURE_LIMIT } from "@/lib/webhooks/attempt-webhook-delivery";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { ActionButton } from "@/app/_components/action-button";
import { SettingsSection } from "../_components/settings-section";
import { DataTable } from "@/app/_components/data-table";
import { deleteWebhookAction } from "./_actions/delete-webhook";
import { setWebhookEnabledAction } from "./_actions/set-webhook-enabled";
import { CreateWebhookForm } from "./_components/create-webhook-form";

export async function generateMetadata() {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage() {
  const user = await requireSessionUser();
  const [t, format, endpoints] = await Promise.all([getTranslations("webhooks"), getFormatter(), listWebhookEndpoints(user.id)]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const status = (delivery: WebhookDelivery | null) => {
    if (!delivery) return t("status.none");
    const reason = delivery.lastError ?? `HTTP ${delivery.lastStatusCode}`;
    if (delivery.deliveredAt) return `${t("status.delivered", { code: delivery.lastStatusCode ?? 0 })}, ${date(delivery.deliveredAt)}`;
    if (delivery.failedAt) return `${t("status.failed", { reason })}, ${date(delivery.failedAt)}`;
    return delivery.attempts === 0 ? t("status.firstAttempt") : t("status.pending", { reason });
  };

  return (
    <SettingsSection id="webhooks-title" title={t("title")} intro={t("intro")}>
      <CreateWebhookForm maxUrlChars={WEBHOOK_URL_MAX_CHARS} />
      {endpoints.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <DataTable caption={t("listCaption")} columns={(["url", "events", "lastDelivery", "nextRetry", "actions"] as const).map((column) => ({ label: t(`columns.${column}`) }))}>
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id} data-testid="webhook" data-url={endpoint.url} className="align-top">
              <th scope="row" className="max-w-72 px-3 py-2 font-mono text-xs font-normal break-all">
                {endpoint.url}
                {endpoint.disabledAt && (
                  <span className="mt-1 block font-sans font-medium text-red-700" data-testid="webhook-off">
                    {endpoint.consecutiveFailures >= ENDPOINT_FAILURE_LIMIT ? t("disabled") : t("paused")}
                  </span>
                )}
              </th>
              <td className="px-3 py-2">{endpoint.events.map((event) => t(`event.${event.replace(".", "_")}`)).join(", ")}</td>
              <td className="px-3 py-2" data-testid="webhook-last-delivery">{status(endpoint.lastDelivery)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{endpoint.lastDelivery?.nextRetryAt ? date(endpoint.lastDelivery.nextRetryAt) : t("noRetry")}</td>
              <td className="flex flex-wrap gap-2 px-3 py-2">
                {endpoint.disabledAt ? (
                  <ActionButton action={setWebhookEnabledAction} input={{ id: endpoint.id, enabled: true }} label={t("resume")} accessibleLabel={t("resumeNamed", { url: endpoint.url })} />
                ) : (
                  <ActionButton action={setWebhookEnabledAction} input={{ id: endpoint.id, enabled: false }} label={t("pause")} accessibleLabel={t("pauseNamed", { url: endpoint.url })} />
                )}
                <ActionButton action={deleteWebhookAction} input={{ id: endpoint.id }} tone="danger" label={t("delete")} accessibleLabel={t("deleteNamed", { url: endpoint.url })} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsSection>
  );
}
