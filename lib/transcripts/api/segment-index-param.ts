import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export const segmentIndexParam = z.coerce.number().int().min(0).max(1_000_000);

/** `{index}` in a segment's path; anything but a plain number is "not found", like a missing segment. */
export function parseSegmentIndex(param: string): number {
  const index = segmentIndexParam.safeParse(param);
  if (!index.success) throw new AppError("not_found", { code: "segment_not_found" });
  return index.data;
}
