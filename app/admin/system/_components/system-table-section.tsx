import type { ReactNode } from "react";
import { DataTable } from "@/app/_components/data-table";

/** A titled list of the System page: its table, or one sentence (`empty`) when there is nothing to list. */
export function SystemTableSection({ name, title, columns, empty, children }: { name: string; title: string; columns: string[]; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={`admin-${name}-title`} className="space-y-2">
      <h2 id={`admin-${name}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {empty === null ? (
        <div data-testid={`system-${name}`}>
          <DataTable columns={columns.map((label) => ({ label }))}>{children}</DataTable>
        </div>
      ) : (
        <p className="text-sm text-slate-700" data-testid={`system-${name}`}>
          {empty}
        </p>
      )}
    </section>
  );
}
