import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireAdminPage } from "@/lib/auth/require-admin-page";

const sections = ["users", "jobs", "system", "audit"] as const;

// Every page below checks the role again itself: a layout does not guard the pages it wraps on every request.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-6">
      <nav aria-label={t("navigation")} className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm font-medium">
        {sections.map((section) => (
          <Link key={section} href={`/admin/${section}`} className="text-slate-700 hover:text-brand-700">
            {t(`nav.${section}`)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
