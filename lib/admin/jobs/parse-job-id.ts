import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const jobId = z.uuid();

/** Job ids are pg-boss UUIDs; anything else cannot name a job, so it is "not found", never a database error. */
export function parseJobId(id: unknown): string {
  const parsed = jobId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}
