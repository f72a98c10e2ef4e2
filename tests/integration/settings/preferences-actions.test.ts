import { actionScope } from "../../support/server-action-scope";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchMe } from "@/app/api/v1/users/me/route";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createApiUser, type ApiUser } from "../../support/api-users";

actionScope.locale = "ru";

const { savePreferencesAction } = await import("@/app/settings/_actions/save-preferences");

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const asUser = (user: ApiUser): CurrentUser => ({ id: user.id, phone: user.phone, role: user.role });
const row = async (user: ApiUser) => (await db.select().from(users).where(eq(users.id, user.id)))[0]!;
const settings = async (user: ApiUser) => {
  const { transcriptScript, defaultLanguage, vocabulary, unsureThreshold } = await row(user);
  return { transcriptScript, defaultLanguage, vocabulary, unsureThreshold };
};

describe("the settings page's action", () => {
  it("saves the signed-in user's language, script, vocabulary and threshold, and only theirs", async () => {
    actionScope.user = asUser(owner);
    const result = await savePreferencesAction({ default_language: "RU", transcript_script: "cyrillic", vocabulary: "  Yozuv\nToshkent  ", unsure_threshold: 0.65 });
    expect(result).toEqual({ ok: true, data: { script: "cyrillic", defaultLanguage: "ru", vocabulary: "Yozuv\nToshkent", unsureThreshold: 0.65 } });
    expect(await settings(owner)).toEqual({ transcriptScript: "cyrillic", defaultLanguage: "ru", vocabulary: "Yozuv\nToshkent", unsureThreshold: 0.65 });
    expect(await settings(stranger)).toEqual({ transcriptScript: "latin", defaultLanguage: null, vocabulary: null, unsureThreshold: 0.5 });

    // "auto" means detect, stored as no default; an empty vocabulary as none.
    expect(await savePreferencesAction({ default_language: "auto", transcript_script: "latin", vocabulary: null })).toMatchObject({ ok: true, data: { defaultLanguage: null, vocabulary: null, unsureThreshold: 0.65 } });
  });

  it("refuses without a session, changing nothing", async () => {
    actionScope.user = null;
    expect(await savePreferencesAction({ default_language: "en" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect((await row(owner)).defaultLanguage).toBeNull();
  });

  it("refuses what the API refuses, with a localized message, changing nothing", async () => {
    actionScope.user = asUser(owner);
    const before = await settings(owner);
    for (const input of [
      { vocabulary: "Yozuv\u0007" },
      { vocabulary: "a".repeat(501) },
      { default_language: "klingon" },
      { transcript_script: "arabic" },
      { unsure_threshold: 1.5 },
      { default_language: "en", vocabulary: "ok\u0000" },
    ]) {
      expect(await savePreferencesAction(input), JSON.stringify(input)).toEqual({ ok: false, error: { code: "validation", message: "Введены некорректные данные." } });
    }
    expect(await settings(owner)).toEqual(before);

    const api = await patchMe(
      new Request("http://localhost/api/v1/users/me", { method: "PATCH", headers: { authorization: owner.authorization, "content-type": "application/json" }, body: JSON.stringify({ vocabulary: "Yozuv\u0007" }) }),
      { params: Promise.resolve({}) },
    );
    expect(api.status).toBe(422);
    expect(await settings(owner)).toEqual(before);
  });
});
