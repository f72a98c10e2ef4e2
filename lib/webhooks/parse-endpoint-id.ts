import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

const endpointId = z.uuid();

/** Endpoint ids are UUIDs; anything else cannot name an endpoint, so it is "not found", never a database error. */
export function parseEndpointId(id: unknown): string {
  const parsed = endpointId.safeParse(id);
  if (!parsed.success) throw new AppError("not_found");
  return parsed.data;
}
