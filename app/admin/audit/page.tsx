import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { listAuditLog } from "@/lib/admin/audit/list-audit-log";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { DataTable } from "@/app/_components/data-table";
import { Pager } from "../_components/pager";

const PAGE_SIZE = 50;
const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const { page } = searchSchema.parse(await searchParams);
  const [t, format, log] = await Promise.all([getTranslations("admin.audit"), getFormatter(), listAuditLog({ skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })]);
  const pages = Math.max(1, Math.ceil(log.total / PAGE_SIZE));
  // Action names have dots ("user.disabled"), which next-intl would read as nesting: the messages use underscores.
  const actionText = (action: string) => {
    const key = `action.${action.replace(/\./g, "_")}`;
    return t.has(key) ? t(key as "action.user_disabled") : action;
  };

  return (
    <section aria-labelledby="admin-audit-title" className="space-y-6">
      <h1 id="admin-audit-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {log.items.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable columns={(["when", "who", "what", "whom", "ip", "details"] as const).map((column) => ({ label: t(column) }))}>
          {log.items.map((entry) => (
            <tr key={entry.id} data-testid="audit-entry" className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={entry.createdAt.toISOString()}>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{entry.actorPhone}</td>
              <td className="px-3 py-2" data-testid="audit-action">{actionText(entry.action)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{entry.targetPhone ?? "—"}</td>
              <td className="px-3 py-2">{entry.ip ?? "—"}</td>
              <td className="px-3 py-2">
                {entry.details && <code className="text-xs break-all text-slate-700">{JSON.stringify(entry.details)}</code>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={page} pages={pages} href={(target) => `/admin/audit?page=${target}`} />
    </section>
  );
}
