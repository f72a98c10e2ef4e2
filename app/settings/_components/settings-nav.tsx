"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The settings sections; the one shown is marked for screen readers as well as by its look. */
export function SettingsNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-4 border-b border-slate-200 pb-2 text-sm font-medium">
      {links.map((link) => {
        const current = pathname === link.href;
        return (
          <Link key={link.href} href={link.href} aria-current={current ? "page" : undefined} className={current ? "text-brand-700 underline underline-offset-4" : "text-slate-700 hover:text-brand-700"}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
