import type { useFormatter } from "next-intl";

/** 1.5 → "1,5×" in Uzbek and Russian, "1.5×" in English. */
export function formatRate(rate: number, format: Pick<ReturnType<typeof useFormatter>, "number">): string {
  return `${format.number(rate, { maximumFractionDigits: 2 })}×`;
}
