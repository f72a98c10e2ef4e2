"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";

export function OwnerFilter({ owners, selected }: { owners: { id: string; phone: string }[]; selected?: string }) {
  const t = useTranslations("recordings");
  const router = useRouter();
  return (
    <label className="flex flex-wrap items-center gap-2 text-sm">
      {t("filterByOwner")}
      <select
        data-testid="owner-filter"
        value={selected ?? ""}
        onChange={(event) => router.push(event.target.value ? `/recordings?owner=${event.target.value}` : "/recordings")}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
      >
        <option value="">{t("allOwners")}</option>
        {owners.map((owner) => (
          <option key={owner.id} value={owner.id}>
            {owner.phone}
          </option>
        ))}
      </select>
    </label>
  );
}
