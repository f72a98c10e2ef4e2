import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { users, type Role, type User } from "@/db/schema";
import { signOutEverywhere } from "@/lib/auth/end-user-sessions";
import { AppError } from "@/lib/errors/app-error";
import type { AdminActor } from "../admin-actor";
import { recordAdminAction } from "../audit/record-admin-action";
import { findAdminUser } from "./find-admin-user";
import type { AdminUserRow } from "./admin-user-row";

export type UserChanges = { role?: Role; disabled?: boolean; quotaMinutes?: number | null; quotaBytes?: number | null };

const userId = z.uuid();

/**
 * An admin changes an account: role, disabled, quotas (null = no limit). Admin rights can only be
 * taken by another active admin (demoting or disabling yourself is refused, changing nothing), and the
 * actor is re-checked under a lock on every admin row, so the last active admin can never lose them,
 * not even when two admins demote each other at the same moment. Every change is audited in the same
 * transaction. Disabling takes effect on the very next
 * request of every session and token (each checks `disabled_at` against the database), and then every
 * session and token is ended too, so enabling the account again does not bring them back.
 */
export async function updateUserByAdmin(actor: AdminActor, id: unknown, changes: UserChanges): Promise<AdminUserRow> {
  const parsedId = userId.safeParse(id);
  if (!parsedId.success) throw new AppError("not_found");
  const targetId = parsedId.data;
  const disabledNow = await db.transaction(async (tx) => {
    // Admin rows first, in id order, then the target: two admins changing each other queue up instead of deadlocking.
    const activeAdmins = await lockActiveAdmins(tx);
    // Checked again under the lock: an admin demoted or disabled a moment ago acts no more.
    if (!activeAdmins.includes(actor.id)) throw new AppError("forbidden", { code: "admin_only", messageKey: "admin.admin_only" });
    const [target] = await tx.select().from(users).where(eq(users.id, targetId)).for("update");
    if (!target) throw new AppError("not_found");
    const losesAdmin = target.role === "admin" && !target.disabledAt && (changes.role === "user" || changes.disabled === true);
    if (losesAdmin && target.id === actor.id) throw new AppError("conflict", { code: "admin_self_change", messageKey: "admin.self_change" });
    await applyChanges(tx, actor, target, changes);
    return changes.disabled === true && !target.disabledAt;
  });
  if (disabledNow) await signOutEverywhere(targetId);
  return findAdminUser(targetId);
}

async function lockActiveAdmins(tx: Transaction): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("update");
  return rows.map((row) => row.id);
}

async function applyChanges(tx: Transaction, actor: AdminActor, target: User, changes: UserChanges): Promise<void> {
  const now = new Date();
  const subject = { id: target.id, phone: target.phone };
  const update: Partial<User> = {};
  if (changes.role !== undefined && changes.role !== target.role) {
    Object.assign(update, { role: changes.role, roleSetAt: now });
    await recordAdminAction(tx, actor, { action: "user.role_changed", target: subject, details: { from: target.role, to: changes.role } });
  }
  if (changes.disabled !== undefined && changes.disabled !== (target.disabledAt !== null)) {
    update.disabledAt = changes.disabled ? now : null;
    await recordAdminAction(tx, actor, { action: changes.disabled ? "user.disabled" : "user.enabled", target: subject });
  }
  const quotas = {
    ...(changes.quotaMinutes !== undefined && changes.quotaMinutes !== target.quotaMinutes ? { quotaMinutes: changes.quotaMinutes } : {}),
    ...(changes.quotaBytes !== undefined && changes.quotaBytes !== target.quotaBytes ? { quotaBytes: changes.quotaBytes } : {}),
  };
  if (Object.keys(quotas).length > 0) {
    Object.assign(update, quotas);
    const before = { quotaMinutes: target.quotaMinutes, quotaBytes: target.quotaBytes };
    await recordAdminAction(tx, actor, { action: "user.quota_changed", target: subject, details: { from: before, to: { ...before, ...quotas } } });
  }
  if (Object.keys(update).length > 0) await tx.update(users).set(update).where(eq(users.id, target.id));
}
