import { describe, expect, it } from "vitest";
import { createSmsSender } from "@/lib/sms/create-sms-sender";
import { createMemoryLogger } from "./memory-logger";

const twilio = { accountSid: "AC0123456789abcdef0123456789abcdef", authToken: "token", fromNumber: "+15005550006" };

describe("createSmsSender", () => {
  it.each(["development", "test", "production"] as const)("uses Twilio when it has credentials (%s)", (nodeEnv) => {
    expect(createSmsSender({ nodeEnv, twilio }, createMemoryLogger().logger).name).toBe("twilio");
  });

  it.each(["development", "test"] as const)("falls back to the dev sender without credentials (%s)", (nodeEnv) => {
    expect(createSmsSender({ nodeEnv }, createMemoryLogger().logger).name).toBe("dev");
  });

  it("refuses to run production without Twilio rather than use the dev sender", () => {
    expect(() => createSmsSender({ nodeEnv: "production" }, createMemoryLogger().logger)).toThrow(
      /No SMS provider configured.*never used in production/s,
    );
  });

  it("treats half-empty credentials as none", () => {
    expect(() => createSmsSender({ nodeEnv: "production", twilio: { ...twilio, authToken: "" } }, createMemoryLogger().logger)).toThrow(
      /No SMS provider configured/,
    );
  });

  it("allows the dev sender in production only when explicitly told to, and says so in the log", () => {
    const logs = createMemoryLogger();
    const sender = createSmsSender({ nodeEnv: "production", allowDevSmsInProduction: true }, logs.logger);
    expect(sender.name).toBe("dev");
    expect(logs.entries()[0]).toMatchObject({ level: 40 });
    expect(logs.text()).toMatch(/ALLOW_DEV_SMS/);
  });
});
