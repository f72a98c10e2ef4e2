import { getFormatter, getTranslations } from "next-intl/server";
import { API_KEY_NAME_MAX_CHARS } from "@/lib/api/schemas/api-key-schemas";
import { listApiKeys } from "@/lib/auth/api-keys/list-api-keys";
import { requireSessionUser } from "@/lib/auth/current-user";
import { ActionButton } from "@/app/_components/action-button";
import { SettingsSection } from "../_components/settings-section";
import { DataTable } from "@/app/_components/data-table";
import { revokeApiKeyAction } from "./_actions/revoke-api-key";
import { CreateApiKeyForm } from "./_components/create-api-key-form";

export async function generateMetadata() {
  const t = await getTranslations("apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage() {
  const user = await requireSessionUser();
  const [t, format, keys] = await Promise.all([getTranslations("apiKeys"), getFormatter(), listApiKeys(user.id)]);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short" }) : t("never"));

  return (
    <SettingsSection id="api-keys-title" title={t("title")} intro={t("intro")}>
      <CreateApiKeyForm maxNameChars={API_KEY_NAME_MAX_CHARS} />
      {keys.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <DataTable caption={t("listCaption")} columns={(["name", "prefix", "created", "lastUsed", "actions"] as const).map((column) => ({ label: t(`columns.${column}`) }))}>
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key" data-name={key.name}>
              <th scope="row" className="px-3 py-2 font-medium">
                {key.name}
              </th>
              <td className="px-3 py-2 font-mono">{key.prefix}…</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(key.createdAt)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(key.lastUsedAt)}</td>
              <td className="px-3 py-2">
                <ActionButton action={revokeApiKeyAction} input={{ id: key.id }} tone="danger" label={t("revoke")} accessibleLabel={t("revokeNamed", { name: key.name })} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </SettingsSection>
  );
}
