import type { User } from "@/db/schema";

/** The user as the REST API shows it (snake_case, the seed contract). */
export function userJson(user: User) {
  return {
    id: user.id,
    phone_number: user.phone,
    role: user.role,
    display_name: user.displayName,
    preferred_locale: user.preferredLocale,
    created_at: user.createdAt.toISOString(),
  };
}
