import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/current-user";

export default async function DashboardPage() {
  await requireSessionUser();
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="dashboard-title" className="space-y-6">
      <h1 id="dashboard-title" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
        <h2 className="text-lg font-medium">{t("emptyTitle")}</h2>
        <p className="mx-auto mt-2 max-w-prose text-slate-600">{t("emptyBody")}</p>
      </div>
    </section>
  );
}
