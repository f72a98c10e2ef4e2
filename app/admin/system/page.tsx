import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/app/_components/data-table";
import { SystemTableSection } from "./_components/system-table-section";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import { readSystemInfo } from "@/lib/admin/system/read-system-info";
import { requireAdminPage } from "@/lib/auth/require-admin-page";

export default async function AdminSystemPage() {
  await requireAdminPage();
  const [t, format, info] = await Promise.all([getTranslations("admin.system"), getFormatter(), readSystemInfo()]);
  const megabytes = (bytes: number) => formatMegabytes(format, bytes);
  const dateTime = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "medium" });
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
    [t("workersSeen"), t("workersSeenValue", { count: info.workers.seen.length, minutes: info.workers.seenWindowMinutes })],
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
          <div key={label} className="grid gap-1 px-3 py-2 sm:grid-cols-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-sm font-medium break-all sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <SystemTableSection
        name="workers"
        title={t("workerList.title")}
        columns={[t("workerList.host"), t("workerList.kind"), t("workerList.concurrency"), t("workerList.started"), t("workerList.lastSeen")]}
        empty={info.workers.seen.length === 0 ? t("workerList.none", { minutes: info.workers.seenWindowMinutes }) : null}
      >
        {info.workers.seen.map((worker) => (
          <tr key={worker.id} data-kind={worker.kind}>
            <td className="px-3 py-2 break-all">
              {worker.host}
              <span className="block text-xs text-slate-600">{t("workerList.pid", { pid: String(worker.pid) })}</span>
            </td>
            <td className="px-3 py-2">{t(`workerList.kinds.${worker.kind}`)}</td>
            <td className="px-3 py-2">{worker.concurrency}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={worker.startedAt.toISOString()}>{dateTime(worker.startedAt)}</time>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">
              <time dateTime={worker.lastSeenAt.toISOString()}>{dateTime(worker.lastSeenAt)}</time>
            </td>
          </tr>
        ))}
      </SystemTableSection>
      <SystemTableSection
        name="routes"
        title={t("routes.title")}
        columns={[t("routes.language"), t("routes.engine"), t("routes.model")]}
        empty={info.transcription.routes.length === 0 ? t("routes.none", { engine: info.transcription.engine }) : null}
      >
        {info.transcription.routes.map((route) => (
          <tr key={route.language}>
            <td className="px-3 py-2 font-mono">{route.language === "*" ? t("routes.others") : route.language}</td>
            <td className="px-3 py-2">{route.engine}</td>
            <td className="px-3 py-2 break-all">{route.model ?? t("routes.defaultModel")}</td>
          </tr>
        ))}
      </SystemTableSection>
      {info.transcription.localModels.length > 0 && (
        <section aria-labelledby="admin-models-title" className="space-y-2">
          <h2 id="admin-models-title" className="text-lg font-semibold">
            {t("models.title")}
          </h2>
          <div data-testid="system-models">
            <DataTable columns={[{ label: t("models.model") }, { label: t("models.usedBy") }, { label: t("models.check") }, { label: t("models.state") }]}>
              {info.transcription.localModels.map((model) => (
                <tr key={model.model} data-state={model.state}>
                  <td className="px-3 py-2 break-all">
                    {model.model}
                    {model.path && <span className="block text-xs text-slate-600">{model.path}</span>}
                  </td>
                  <td className="px-3 py-2">{model.usedBy.map((by) => (by === "default" ? t("models.default") : by === "*" ? t("routes.others") : by)).join(", ")}</td>
                  <td className="px-3 py-2 break-all">
                    {model.hash ? (model.hash.algorithm === "sha256" ? t("models.sha256", { hash: model.hash.expected ?? "" }) : t("models.sha1")) : t("models.noCheck")}
                  </td>
                  <td className="px-3 py-2">
                    {model.state === "downloading"
                      ? model.percent === null
                        ? t("models.downloadingBytes", { received: megabytes(model.receivedBytes ?? 0) })
                        : t("models.downloading", { percent: model.percent })
                      : t(`models.states.${model.state}`)}
                    {model.error && <span className="block text-xs text-red-700">{model.error}</span>}
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        </section>
      )}
    </section>
  );
}
