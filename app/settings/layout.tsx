import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireSessionUser } from "@/lib/auth/current-user";
import { SettingsNav } from "./_components/settings-nav";

// The pages below check the session again themselves: a layout does not guard the pages it wraps on
// every request. Each page has its own heading, as the admin pages do.
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requireSessionUser();
  const t = await getTranslations("settings");
  return (
    <div className="space-y-6">
      <SettingsNav
        label={t("navigation")}
        links={[
          { href: "/settings", label: t("nav.preferences") },
          { href: "/settings/api-keys", label: t("nav.apiKeys") },
          { href: "/settings/webhooks", label: t("nav.webhooks") },
        ]}
      />
      {children}
    </div>
  );
}
