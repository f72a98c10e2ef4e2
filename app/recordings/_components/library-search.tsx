"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { librarySorts } from "@/lib/recordings/search/library-query";

/** Typing pauses this long before the results follow: fast enough to feel live, without a request per key. */
const DEBOUNCE_MS = 300;

type Props = { owners: { id: string; phone: string }[] | null; languages: readonly string[]; statuses: readonly string[] };

/**
 * The library's search box, filters and sort. Everything lives in the URL (so a search can be
 * bookmarked, shared and survives a reload); the page renders the results on the server.
 */
export function LibrarySearch({ owners, languages, statuses }: Props) {
  const t = useTranslations("search");
  const tRecordings = useTranslations("recordings");
  const tLanguages = useTranslations("languages");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Any change of what is shown starts again at the first page.
    next.delete("page");
    router.replace(`${pathname}?${next}`, { scroll: false });
  }

  function typed(value: string) {
    setQ(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => update({ q: value.trim() }), DEBOUNCE_MS);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const select = (name: string, label: string, options: [string, string][], all: string) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select name={name} data-testid={`filter-${name}`} value={params.get(name) ?? ""} onChange={(event) => update({ [name]: event.target.value })} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900">
        <option value="">{all}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <search className="space-y-3" aria-label={t("label")}>
      <input
        type="search"
        value={q}
        onChange={(event) => typed(event.target.value)}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        data-testid="library-search"
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
      />
      <div className="flex flex-wrap items-end gap-3">
        {select("status", tRecordings("status"), statuses.map((status) => [status, tRecordings(`statusValue.${status}` as "statusValue.pending")]), t("any"))}
        {select("language", tRecordings("language"), languages.map((language) => [language, tLanguages(language as "uz")]), t("any"))}
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t("from")}
          <input type="date" data-testid="filter-from" value={params.get("from") ?? ""} onChange={(event) => update({ from: event.target.value })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          {t("to")}
          <input type="date" data-testid="filter-to" value={params.get("to") ?? ""} onChange={(event) => update({ to: event.target.value })} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" />
        </label>
        {owners && select("owner", tRecordings("owner"), owners.map((owner) => [owner.id, owner.phone]), tRecordings("allOwners"))}
        {select("sort", t("sort"), librarySorts.map((sort) => [sort, t(`sorts.${sort}`)]), t("sortDefault"))}
      </div>
    </search>
  );
}
