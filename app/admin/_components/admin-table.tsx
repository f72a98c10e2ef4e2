import type { ReactNode } from "react";

/** The bordered, scrollable table every admin list uses; a column whose label is hidden gets it for screen readers only. */
export function AdminTable({ columns, children }: { columns: { label: string; hidden?: boolean }[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase text-slate-600">
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
