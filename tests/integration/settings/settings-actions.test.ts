import { actionScope } from "../../support/server-action-scope";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createApiUser, type ApiUser } from "../../support/api-users";


const { createApiKeyAction } = await import("@/app/settings/api-keys/_actions/create-api-key");
const { revokeApiKeyAction } = await import("@/app/settings/api-keys/_actions/revoke-api-key");
const { createWebhookAction } = await import("@/app/settings/webhooks/_actions/create-webhook");
const { deleteWebhookAction } = await import("@/app/settings/webhooks/_actions/delete-webhook");
const { listApiKeys } = await import("@/lib/auth/api-keys/list-api-keys");
const { listWebhookEndpoints } = await import("@/lib/webhooks/list-webhook-endpoints");
const { GET: me } = await import("@/app/api/v1/users/me/route");

let owner: ApiUser;
let stranger: ApiUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([createApiUser(), createApiUser()]);
});

const asUser = (user: ApiUser): CurrentUser => ({ id: user.id, phone: user.phone, role: user.role });
const meWith = (secret: string) => me(new Request("http://localhost/api/v1/users/me", { headers: { authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });

describe("the API keys page's actions", () => {
  it("let a browser session create a key and revoke it; anyone else's key is not found", async () => {
    actionScope.user = asUser(owner);
    const created = await createApiKeyAction({ name: "  Laptop script  " });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.name).toBe("Laptop script");
    expect((await meWith(created.data.secret)).status).toBe(200);
    const [key] = (await listApiKeys(owner.id)).filter((item) => item.name === "Laptop script");

    actionScope.user = asUser(stranger);
    expect(await revokeApiKeyAction({ id: key!.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await meWith(created.data.secret)).status).toBe(200);

    actionScope.user = asUser(owner);
    expect(await revokeApiKeyAction({ id: key!.id })).toEqual({ ok: true, data: undefined });
    expect((await meWith(created.data.secret)).status).toBe(401);
  });

  it("refuse without a session and with a blank name", async () => {
    actionScope.user = null;
    expect(await createApiKeyAction({ name: "x" })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    actionScope.user = asUser(owner);
    expect(await createApiKeyAction({ name: " " })).toMatchObject({ ok: false, error: { code: "validation" } });
  });
});

describe("the webhooks page's actions", () => {
  it("add an endpoint with its secret shown once, refuse a private address, and delete only the caller's own", async () => {
    actionScope.user = asUser(owner);
    const refused = await createWebhookAction({ url: "http://localhost/hook", events: ["recording.failed"] });
    expect(refused).toMatchObject({ ok: false, error: { code: "webhook_url_private_address", message: expect.stringContaining("private") } });
    const created = await createWebhookAction({ url: "https://93.184.215.14/hook", events: ["recording.failed", "recording.failed"] });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [endpoint] = await listWebhookEndpoints(owner.id);
    expect(endpoint).toMatchObject({ url: "https://93.184.215.14/hook", events: ["recording.failed"], lastDelivery: null });

    actionScope.user = asUser(stranger);
    expect(await deleteWebhookAction({ id: endpoint!.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    actionScope.user = asUser(owner);
    expect(await deleteWebhookAction({ id: endpoint!.id })).toEqual({ ok: true, data: undefined });
    expect(await listWebhookEndpoints(owner.id)).toEqual([]);
    expect(await createWebhookAction({ url: "https://93.184.215.14/hook", events: [] })).toMatchObject({ ok: false, error: { code: "validation" } });
  });
});
