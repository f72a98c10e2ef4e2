import type { ReactNode } from "react";

export type DataTableColumn = { label: string; /** heard by screen readers, not shown */ hidden?: boolean };

/** The bordered, scrollable table of every list in the admin console and the settings; `children` are its rows. */
export function DataTable({ caption, columns, children }: { caption?: string; columns: DataTableColumn[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-50 text-xs uppercase text-slate-700">
          <tr>
            {columns.map(({ label, hidden }) => (
              <th key={label} scope="col" className="px-3 py-2 font-medium">
                {hidden ? <span className="sr-only">{label}</span> : label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </div>
  );
}
