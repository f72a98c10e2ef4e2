import { getFormatter, getTranslations } from "next-intl/server";
import { API_KEY_NAME_MAX_CHARS } from "@/lib/api/schemas/api-key-schemas";
import { listApiKeys } from "@/lib/auth/api-keys/list-api-keys";
import { requireSessionUser } from "@/lib/auth/current-user";
import { RowActionButton } from "../_components/row-action-button";
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
    <section aria-labelledby="api-keys-title" className="space-y-6">
      <div className="space-y-2">
        <h1 id="api-keys-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <CreateApiKeyForm maxNameChars={API_KEY_NAME_MAX_CHARS} />
      {keys.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("listCaption")}</caption>
            <thead className="bg-slate-50 text-xs uppercase text-slate-700">
              <tr>
                {(["name", "prefix", "created", "lastUsed", "actions"] as const).map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-medium">
                    {t(`columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {keys.map((key) => (
                <tr key={key.id} data-testid="api-key" data-name={key.name}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    {key.name}
                  </th>
                  <td className="px-3 py-2 font-mono">{key.prefix}…</td>
                  <td className="px-3 py-2 whitespace-nowrap">{date(key.createdAt)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{date(key.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    <RowActionButton action={revokeApiKeyAction} id={key.id} label={t("revoke")} accessibleLabel={t("revokeNamed", { name: key.name })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
