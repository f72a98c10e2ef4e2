import { getFormatter, getTranslations } from "next-intl/server";
import { readSystemInfo } from "@/lib/admin/system/read-system-info";
import { requireAdminPage } from "@/lib/auth/require-admin-page";

export default async function AdminSystemPage() {
  await requireAdminPage();
  const [t, format, info] = await Promise.all([getTranslations("admin.system"), getFormatter(), readSystemInfo()]);
  const gigabytes = (bytes: number) => format.number(bytes / 2 ** 30, { style: "unit", unit: "gigabyte", maximumFractionDigits: 1 });
  const rows: [string, string][] = [
    [t("app"), info.versions.app],
    [t("node"), info.versions.node],
    [t("next"), info.versions.next],
    [t("database"), t(`databaseValue.${info.database}`)],
    [t("storage"), t(`storageValue.${info.storage.driver}`, { location: info.storage.location })],
    [t("freeSpace"), info.storage.freeBytes === null ? t("unknown") : gigabytes(info.storage.freeBytes)],
    [t("engine"), info.transcription.engine],
    [t("model"), info.transcription.model],
    [
      t("workers"),
      t("workersValue", {
        running: info.workers.running,
        started: info.workers.startedRecently,
        minutes: info.workers.recentMinutes,
        where: info.workers.embedded ? t("workersEmbedded") : t("workersSeparate"),
        concurrency: info.workers.concurrency,
      }),
    ],
    [t("sms"), t(`smsValue.${info.sms}`)],
  ];
  return (
    <section aria-labelledby="admin-system-title" className="space-y-6">
      <h1 id="admin-system-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <dl className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="system-info">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-4 py-2 sm:grid-cols-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-sm font-medium break-all sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
