import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/v1/admin/audit/route";
import { POST as retryJob } from "@/app/api/v1/admin/jobs/[id]/retry/route";
import { GET as listJobs } from "@/app/api/v1/admin/jobs/route";
import { GET as stats } from "@/app/api/v1/admin/stats/route";
import { PATCH as patchUser } from "@/app/api/v1/admin/users/[id]/route";
import { GET as listUsersRoute } from "@/app/api/v1/admin/users/route";
import { GET as me } from "@/app/api/v1/users/me/route";
import { db } from "@/db/client";
import { adminAuditLog, authSessions, recordings, users } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { updateUserByAdmin } from "@/lib/admin/users/update-user-by-admin";
import { signInUserByPhone } from "@/lib/auth/sign-in-user-by-phone";
import { loadUserAuthState } from "@/lib/auth/user-auth-state";
import { adminRequest, idParams, noParams } from "../../support/admin-api";
import { createApiUser, type ApiUser } from "../../support/api-users";
import { newUzbekMobile } from "../../support/phones";
import { rejectionOf } from "../../support/rejection-of";

const actorOf = (user: ApiUser) => ({ id: user.id, phone: user.phone, role: user.role, ip: null });

async function patch(caller: ApiUser, targetId: string, body: unknown, headers?: Record<string, string>) {
  return patchUser(adminRequest(caller, `/users/${targetId}`, { method: "PATCH", body, headers }), idParams(targetId));
}

async function roleOf(id: string) {
  const [row] = await db.select({ role: users.role, disabledAt: users.disabledAt }).from(users).where(eq(users.id, id));
  return row!;
}

describe("admin REST: who may call it", () => {
  it("answers 403 admin_only to a signed-in user on every route, and 401 without a caller", async () => {
    const user = await createApiUser();
    const someone = await createApiUser();
    const jobId = crypto.randomUUID();
    const calls: [string, () => Promise<Response>][] = [
      ["GET users", () => listUsersRoute(adminRequest(user, "/users"), noParams)],
      ["PATCH users/{id}", () => patch(user, someone.id, { role: "admin" })],
      ["GET stats", () => stats(adminRequest(user, "/stats"), noParams)],
      ["GET jobs", () => listJobs(adminRequest(user, "/jobs?state=failed"), noParams)],
      ["POST jobs/{id}/retry", () => retryJob(adminRequest(user, `/jobs/${jobId}/retry`, { method: "POST" }), idParams(jobId))],
      ["GET audit", () => listAudit(adminRequest(user, "/audit"), noParams)],
    ];
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.status, name).toBe(403);
      expect((await response.json()).error.code, name).toBe("admin_only");
    }
    expect((await roleOf(someone.id)).role).toBe("user");
    const anonymous = await listUsersRoute(new Request("http://localhost/api/v1/admin/users"), noParams);
    expect(anonymous.status).toBe(401);
  });
});

describe("admin REST: users", () => {
  it("lists users with their usage, searches by phone and pages", async () => {
    const admin = await createApiUser("admin");
    const owner = await createApiUser();
    await db.insert(recordings).values({
      id: crypto.randomUUID(), userId: owner.id, storageKey: `${crypto.randomUUID()}.mp3`, originalFilename: "a.mp3", title: "a",
      fileSize: 3000, durationSeconds: 90, mimeType: "audio/mpeg",
    });
    const searched = await listUsersRoute(adminRequest(admin, `/users?phone=${encodeURIComponent(`${owner.phone.slice(6, 9)} ${owner.phone.slice(9, 11)}-${owner.phone.slice(11)}`)}`), noParams);
    expect(searched.status).toBe(200);
    const page = await searched.json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: owner.id, phone_number: owner.phone, role: "user", disabled: false, quota_minutes: null, quota_bytes: null,
      usage: { recordings: 1, audio_minutes_total: 1.5, storage_bytes_total: 3000, storage_bytes_this_month: 3000, audio_minutes_this_month: 0 },
    });
    const first = await (await listUsersRoute(adminRequest(admin, "/users?limit=1"), noParams)).json();
    const second = await (await listUsersRoute(adminRequest(admin, "/users?limit=1&skip=1"), noParams)).json();
    expect(first.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(first.total).toBeGreaterThanOrEqual(2);
  });

  it("makes and removes admins, sets quotas, and audits each change, newest first", async () => {
    const admin = await createApiUser("admin");
    const target = await createApiUser();
    const promoted = await patch(admin, target.id, { role: "admin", quota_minutes: 120, quota_bytes: 5_000_000 });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: "admin", quota_minutes: 120, quota_bytes: 5_000_000 });
    expect((await (await me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: target.authorization } }), noParams)).json()).role).toBe("admin");
    expect((await (await patch(admin, target.id, { role: "user", quota_minutes: null })).json())).toMatchObject({ role: "user", quota_minutes: null });

    const audit = await (await listAudit(adminRequest(admin, "/audit?limit=100"), noParams)).json();
    const mine = audit.items.filter((entry: { target_user_id: string }) => entry.target_user_id === target.id);
    expect(mine.map((entry: { action: string }) => entry.action)).toEqual(["user.quota_changed", "user.role_changed", "user.quota_changed", "user.role_changed"]);
    expect(mine[3]).toMatchObject({ actor_id: admin.id, actor_phone: admin.phone, target_phone: target.phone, details: { from: "user", to: "admin" } });
  });

  it("refuses bad input with a 4xx and changes nothing", async () => {
    const admin = await createApiUser("admin");
    const target = await createApiUser();
    for (const body of [{}, { role: "owner" }, { quota_minutes: -1 }, { quota_bytes: 1.5 }, { disabled: "yes" }, { phone: "+998901111111" }]) {
      const response = await patch(admin, target.id, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect((await patch(admin, crypto.randomUUID(), { role: "admin" })).status).toBe(404);
    expect((await patch(admin, "not-a-uuid", { role: "admin" })).status).toBe(404);
    expect(await roleOf(target.id)).toEqual({ role: "user", disabledAt: null });
  });

  it("refuses an admin demoting or disabling themselves, changing nothing", async () => {
    const admin = await createApiUser("admin");
    const before = await db.select().from(adminAuditLog).where(eq(adminAuditLog.actorId, admin.id));
    for (const body of [{ role: "user" }, { disabled: true }, { role: "user", quota_minutes: 5 }]) {
      const response = await patch(admin, admin.id, body, { "accept-language": "en" });
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual({ error: { code: "admin_self_change", message: expect.stringContaining("yourself") }, detail: expect.stringContaining("yourself") });
    }
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: "admin", disabledAt: null, quotaMinutes: null });
    expect(await db.select().from(adminAuditLog).where(eq(adminAuditLog.actorId, admin.id))).toHaveLength(before.length);
    // Their own quota is theirs to set.
    expect((await patch(admin, admin.id, { quota_minutes: 30 })).status).toBe(200);
  });

  it("never leaves no active admin: two admins demoting each other at once leaves one", async () => {
    const first = await createApiUser("admin");
    const second = await createApiUser("admin");
    const results = await Promise.allSettled([
      updateUserByAdmin(actorOf(first), second.id, { role: "user" }),
      updateUserByAdmin(actorOf(second), first.id, { role: "user" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "admin_only" });
    const roles = [(await roleOf(first.id)).role, (await roleOf(second.id)).role].sort();
    expect(roles).toEqual(["admin", "user"]);
  });

  it("an admin who was just demoted can change no one", async () => {
    const admin = await createApiUser("admin");
    const other = await createApiUser("admin");
    const target = await createApiUser();
    await updateUserByAdmin(actorOf(other), admin.id, { role: "user" });
    // The actor still claims to be an admin (the check at the door passed a moment ago).
    expect(await rejectionOf(updateUserByAdmin(actorOf(admin), target.id, { quotaMinutes: 1 }), AppError)).toMatchObject({ code: "admin_only" });
  });
});

describe("disabling a user", () => {
  it("ends their mobile tokens and browser sessions at once, and enabling does not bring them back", async () => {
    const admin = await createApiUser("admin");
    const target = await createApiUser();
    const getMe = () => me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: target.authorization } }), noParams);
    expect((await getMe()).status).toBe(200);
    // A browser session's view of the user, read now so any cache would be warm.
    expect((await loadUserAuthState(target.id))?.disabled).toBe(false);

    const response = await patch(admin, target.id, { disabled: true });
    expect(response.status).toBe(200);
    expect((await response.json()).disabled).toBe(true);
    expect((await getMe()).status).toBe(401);
    expect((await loadUserAuthState(target.id))?.disabled).toBe(true);
    const sessions = await db.select().from(authSessions).where(eq(authSessions.userId, target.id));
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    expect(await rejectionOf(signInUserByPhone(target.phone), AppError)).toMatchObject({ code: "account_disabled" });

    expect((await patch(admin, target.id, { disabled: false })).status).toBe(200);
    expect((await getMe()).status).toBe(401);
    expect((await signInUserByPhone(target.phone)).disabledAt).toBeNull();
    const actions = await db.select({ action: adminAuditLog.action }).from(adminAuditLog).where(eq(adminAuditLog.targetUserId, target.id));
    expect(actions.map((entry) => entry.action).sort()).toEqual(["user.disabled", "user.enabled"]);
  });
});

describe("ADMIN_PHONES", () => {
  it("makes a listed phone admin at sign-in, records the sign-in, and leaves others as users", async () => {
    const listed = newUzbekMobile();
    const user = await signInUserByPhone(listed, [listed]);
    expect(user.role).toBe("admin");
    expect(user.lastSignInAt).toBeInstanceOf(Date);
    expect((await signInUserByPhone(newUzbekMobile(), [listed])).role).toBe("user");
  });

  it("does not override a role set in the console, and removing a phone from it demotes no one", async () => {
    const admin = await createApiUser("admin");
    const listed = newUzbekMobile();
    const bootstrapped = await signInUserByPhone(listed, [listed]);
    await updateUserByAdmin(actorOf(admin), bootstrapped.id, { role: "user" });
    expect((await signInUserByPhone(listed, [listed])).role).toBe("user");

    const promotedInConsole = await signInUserByPhone(newUzbekMobile(), []);
    await updateUserByAdmin(actorOf(admin), promotedInConsole.id, { role: "admin" });
    expect((await signInUserByPhone(promotedInConsole.phone, [])).role).toBe("admin");
    const unlisted = newUzbekMobile();
    await signInUserByPhone(unlisted, [unlisted]);
    expect((await signInUserByPhone(unlisted, [])).role).toBe("admin");
  });
});

describe("the audit log", () => {
  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    const admin = await createApiUser("admin");
    const target = await createApiUser();
    await patch(admin, target.id, { quota_minutes: 10 });
    const [entry] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.targetUserId, target.id));
    expect(await rejectionOf(db.update(adminAuditLog).set({ action: "nothing" }).where(eq(adminAuditLog.id, entry!.id)), Error)).toMatchObject({ cause: { message: expect.stringContaining("append-only") } });
    expect(await rejectionOf(db.delete(adminAuditLog).where(eq(adminAuditLog.id, entry!.id)), Error)).toMatchObject({ cause: { message: expect.stringContaining("append-only") } });
    const [still] = await db.select().from(adminAuditLog).where(eq(adminAuditLog.id, entry!.id));
    expect(still?.action).toBe("user.quota_changed");
  });
});
