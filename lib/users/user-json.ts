import type { z } from "zod";
import type { User } from "@/db/schema";
import type { userSchema } from "@/lib/api/schemas/user-schemas";

/** The user as the REST API shows it (snake_case, the seed contract). */
export function userJson(user: User): z.input<typeof userSchema> {
  return {
    id: user.id,
    phone_number: user.phone,
    role: user.role,
    display_name: user.displayName,
    preferred_locale: user.preferredLocale,
    transcript_script: user.transcriptScript,
    default_language: user.defaultLanguage,
    vocabulary: user.vocabulary,
    created_at: user.createdAt.toISOString(),
  };
}
