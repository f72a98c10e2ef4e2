import type { ReactNode } from "react";

/** A settings page on its own: its h1, a line on what it is for, then its content. */
export function SettingsSection({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-6">
      <div className="space-y-2">
        <h1 id={id} className="text-2xl font-semibold">
          {title}
        </h1>
        <p className="text-sm text-slate-700">{intro}</p>
      </div>
      {children}
    </section>
  );
}
