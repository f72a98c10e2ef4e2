import type { createFormatter } from "next-intl";

/** A file size the way people read it ("3.2 MB"), in the page's locale. */
export function formatMegabytes(format: ReturnType<typeof createFormatter>, bytes: number): string {
  return format.number(bytes / 2 ** 20, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}
