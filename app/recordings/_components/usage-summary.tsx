import { getFormatter, getTranslations } from "next-intl/server";
import { formatMegabytes } from "@/lib/i18n/format-megabytes";
import type { UsageAndQuota } from "@/lib/quotas/read-user-usage";

/** A user's own usage against their quotas, above their library. */
export async function UsageSummary({ usage }: { usage: UsageAndQuota }) {
  const [t, format] = await Promise.all([getTranslations("recordings"), getFormatter()]);
  const used = format.number(usage.monthSeconds / 60, { maximumFractionDigits: 1 });
  const stored = formatMegabytes(format, usage.totalBytes);
  return (
    <section aria-label={t("usageTitle")} className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700" data-testid="usage-summary">
      <p>{usage.quotaMinutes === null ? t("usageMinutesUnlimited", { used }) : t("usageMinutes", { used, limit: usage.quotaMinutes })}</p>
      <p>{usage.quotaBytes === null ? t("usageStorageUnlimited", { used: stored }) : t("usageStorage", { used: stored, limit: formatMegabytes(format, usage.quotaBytes) })}</p>
    </section>
  );
}
