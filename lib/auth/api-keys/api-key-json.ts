import type { z } from "zod";
import type { ApiKey } from "@/db/schema";
import type { apiKeySchema } from "@/lib/api/schemas/api-key-schemas";

/** A key as the REST API and the settings page show it: never its secret or hash. */
export function apiKeyJson(key: ApiKey): z.input<typeof apiKeySchema> {
  return { id: key.id, name: key.name, prefix: key.prefix, created_at: key.createdAt.toISOString(), last_used_at: key.lastUsedAt?.toISOString() ?? null };
}
