import { getTranslations } from "next-intl/server";
import type { Recording } from "@/db/schema";

const styles: Record<Recording["transcriptionStatus"], string> = {
  pending: "bg-slate-100 text-slate-700",
  processing: "bg-amber-100 text-amber-800",
  completed: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

export async function StatusBadge({ status }: { status: Recording["transcriptionStatus"] }) {
  const t = await getTranslations("recordings.statusValue");
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`} data-testid="status-badge">{t(status)}</span>;
}
