import { seriousViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { signInAsNewUser } from "./support/sign-in";

test("a key made on the settings page works against the API until it is revoked; the page passes axe", async ({ page, request }) => {
  await signInAsNewUser(page);
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API kalitlar" })).toBeVisible();
  await expect(page.getByText("Sizda API kalitlar yo‘q.")).toBeVisible();

  await page.getByLabel("Yangi kalit nomi").fill("Skript");
  await page.getByRole("button", { name: "Kalit yaratish" }).click();
  const secretField = page.getByTestId("api-key-secret");
  await expect(secretField).toHaveValue(/^yz_[0-9A-Za-z]{43}$/);
  const secret = await secretField.inputValue();
  const row = page.getByTestId("api-key").filter({ hasText: "Skript" });
  await expect(row).toContainText(secret.slice(0, 9));
  await expect(row).not.toContainText(secret);

  expect(await seriousViolations(page)).toEqual([]);

  // Playwright's own request context: no cookies of the page, only the key.
  const listed = await request.get("/api/v1/audio/list", { headers: { authorization: `Bearer ${secret}` } });
  expect(listed.status()).toBe(200);
  expect(await listed.json()).toMatchObject({ items: [], total: 0 });

  // Shown once: after a reload the secret is gone from the page, the key is still listed, and it has been used.
  await page.reload();
  await expect(page.getByTestId("api-key-secret")).toHaveCount(0);
  await expect(row).not.toContainText("hech qachon");

  await row.getByRole("button", { name: "Skript kalitini bekor qilish" }).click();
  await expect(page.getByTestId("api-key")).toHaveCount(0);
  const refused = await request.get("/api/v1/audio/list", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
});
