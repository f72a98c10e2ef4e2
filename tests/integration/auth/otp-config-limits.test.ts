import { describe, expect, it, vi } from "vitest";
import { newUzbekMobile } from "../../support/phones";
import { messagesTo } from "../../support/sms-outbox";

// The configuration is read once per module graph: change it, then load the app modules afresh.
const admin = `+99891${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
vi.stubEnv("SMS_HOURLY_BUDGET", "3");
vi.stubEnv("ADMIN_PHONES", admin);
vi.resetModules();

const { requestOtp } = await import("@/lib/auth/otp/request-otp");
const { verifyOtp } = await import("@/lib/auth/otp/verify-otp");
const { lastCodeSentTo } = await import("../../support/sms-outbox");

describe("configured limits", () => {
  it("phones in ADMIN_PHONES sign in as admins", async () => {
    await requestOtp({ phone: admin, clientIp: null, locale: "en" });
    const user = await verifyOtp({ phone: admin, code: lastCodeSentTo(admin), clientIp: null });
    expect(user.role).toBe("admin");
  });

  it("stops sending once the global hourly SMS budget is spent", async () => {
    // One SMS of the budget went to the admin test above (files run their tests in order).
    await requestOtp({ phone: newUzbekMobile(), clientIp: null, locale: "uz" });
    await requestOtp({ phone: newUzbekMobile(), clientIp: null, locale: "uz" });
    const refused = newUzbekMobile();
    await expect(requestOtp({ phone: refused, clientIp: null, locale: "uz" })).rejects.toMatchObject({
      status: 429,
      code: "sms_budget_exhausted",
    });
    expect(messagesTo(refused)).toHaveLength(0);
  });
});
