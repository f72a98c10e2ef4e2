import { vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Server actions read the browser session and the page's language through Next's request scope,
 * which does not exist in Vitest: those lookups (only) are replaced, the session by whoever the test
 * says is signed in, the language by `locale`. Import this before anything that imports the actions.
 */
export const actionScope: { user: CurrentUser | null; locale: Locale } = { user: null, locale: "en" };

vi.mock("@/lib/auth/current-user", async (importActual) => ({
  ...(await importActual<typeof import("@/lib/auth/current-user")>()),
  sessionUser: async () => actionScope.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  return { getTranslations: async (namespace: string) => createTranslator({ locale: actionScope.locale, messages: messagesFor(actionScope.locale), namespace: namespace as "errors" }) };
});
