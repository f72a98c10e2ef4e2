import "server-only";
import { db } from "@/db/client";
import { appSettings } from "@/db/schema";
import { readDefaultQuotas, type Quotas } from "@/lib/quotas/read-default-quotas";
import type { AdminActor } from "../admin-actor";
import { recordAdminAction } from "../audit/record-admin-action";

/** Changes the limits new accounts start with; existing accounts keep theirs. */
export async function setDefaultQuotas(actor: AdminActor, quotas: Quotas): Promise<Quotas> {
  const before = await readDefaultQuotas();
  await db.transaction(async (tx) => {
    await tx
      .insert(appSettings)
      .values({ id: 1, defaultQuotaMinutes: quotas.quotaMinutes, defaultQuotaBytes: quotas.quotaBytes })
      .onConflictDoUpdate({ target: appSettings.id, set: { defaultQuotaMinutes: quotas.quotaMinutes, defaultQuotaBytes: quotas.quotaBytes } });
    await recordAdminAction(tx, actor, { action: "settings.default_quota_changed", details: { from: before, to: quotas } });
  });
  return quotas;
}
