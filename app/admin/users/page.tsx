import { parsePhoneNumber } from "libphonenumber-js/min";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { listUsers } from "@/lib/admin/users/list-users";
import { requireAdminPage } from "@/lib/auth/require-admin-page";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { readDefaultQuotas } from "@/lib/quotas/read-default-quotas";
import { setDefaultQuotasAction } from "../_actions/set-default-quotas";
import { updateUserAction } from "../_actions/update-user";
import { ActionButton } from "@/app/_components/action-button";
import { DataTable } from "@/app/_components/data-table";
import { Pager } from "../_components/pager";
import { QuotaForm } from "../_components/quota-form";

const PAGE_SIZE = 25;
const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1), phone: z.string().max(32).optional().catch(undefined) });

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireAdminPage();
  const { page, phone } = searchSchema.parse(await searchParams);
  const [t, format, users, defaults] = await Promise.all([
    getTranslations("admin"),
    getFormatter(),
    listUsers({ skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, phone }),
    readDefaultQuotas(),
  ]);
  const pages = Math.max(1, Math.ceil(users.total / PAGE_SIZE));
  const minutes = (seconds: number) => format.number(seconds / 60, { maximumFractionDigits: 1 });
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short" }) : t("users.never"));

  return (
    <section aria-labelledby="admin-users-title" className="space-y-6">
      <h1 id="admin-users-title" className="text-2xl font-semibold">
        {t("users.title")}
      </h1>
      <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-medium">{t("users.defaultsTitle")}</h2>
        <p className="text-sm text-slate-600">{t("users.defaultsHint")} {t("users.quotaHint")}</p>
        <QuotaForm action={setDefaultQuotasAction} initial={defaults} label={t("users.defaultsTitle")} />
      </div>
      <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/users">
        <label className="flex flex-col text-sm">
          {t("users.searchLabel")}
          <input name="phone" type="search" defaultValue={phone ?? ""} inputMode="tel" className="rounded-md border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t("users.search")}
        </button>
      </form>
      {users.items.length === 0 ? (
        <p className="text-slate-600">{t("users.empty")}</p>
      ) : (
        <DataTable columns={(["phone", "role", "status", "created", "lastSignIn", "recordings", "minutes", "storage", "actions"] as const).map((column) => ({ label: t(`users.${column}`) }))}>
          {users.items.map((user) => {
            const phoneText = parsePhoneNumber(user.phone).formatInternational();
            return (
              <tr key={user.id} data-testid="admin-user" data-phone={user.phone} className="align-top">
                <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">{phoneText}</th>
                <td className="px-3 py-2" data-testid="admin-user-role">{t(`users.roleValue.${user.role}`)}</td>
                <td className="px-3 py-2" data-testid="admin-user-status">{user.disabled ? t("users.disabled") : t("users.active")}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(user.createdAt)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(user.lastSignInAt)}</td>
                <td className="px-3 py-2 tabular-nums">{user.recordings}</td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap">{t("users.minutesValue", { month: minutes(user.monthSeconds), total: minutes(user.totalSeconds) })}</td>
                <td className="px-3 py-2 tabular-nums whitespace-nowrap">
                  {formatMegabytes(format, user.monthBytes)} / {formatMegabytes(format, user.totalBytes)}
                </td>
                <td className="space-y-2 px-3 py-2">
                  {user.id !== me.id && (
                    <div className="flex flex-wrap gap-2">
                      <ActionButton
                        action={updateUserAction}
                        input={{ id: user.id, role: user.role === "admin" ? "user" : "admin" }}
                        label={user.role === "admin" ? t("users.removeAdmin") : t("users.makeAdmin")}
                        testId="toggle-admin"
                      />
                      <ActionButton
                        action={updateUserAction}
                        input={{ id: user.id, disabled: !user.disabled }}
                        label={user.disabled ? t("users.enable") : t("users.disable")}
                        tone={user.disabled ? "default" : "danger"}
                        testId="toggle-disabled"
                      />
                    </div>
                  )}
                  <details>
                    <summary className="cursor-pointer text-xs text-brand-700">
                      {t("users.quotas")}: {t("users.quotaValue", {
                        minutes: user.quotaMinutes ?? t("unlimited"),
                        storage: user.quotaBytes === null ? t("unlimited") : formatMegabytes(format, user.quotaBytes),
                      })}
                    </summary>
                    <div className="pt-2">
                      <QuotaForm action={updateUserAction} userId={user.id} initial={user} label={t("users.quotasFor", { phone: phoneText })} />
                    </div>
                  </details>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pager page={page} pages={pages} href={(target) => `/admin/users?${new URLSearchParams({ page: String(target), ...(phone ? { phone } : {}) })}`} />
    </section>
  );
}
