import { beforeEach, describe, expect, it } from "vitest";
import { clearDevMessages, createDevSmsSender, listDevMessages } from "@/lib/sms/dev-sms-sender";
import { createMemoryLogger } from "./memory-logger";

beforeEach(() => clearDevMessages());

describe("createDevSmsSender", () => {
  it("logs the whole message, marked as development only", async () => {
    const logs = createMemoryLogger();
    const receipt = await createDevSmsSender({ logger: logs.logger }).send({ to: "+998901112233", body: "code 482913" });

    expect(receipt.provider).toBe("dev");
    const [entry] = logs.entries();
    expect(entry).toMatchObject({ to: "+998901112233", body: "code 482913", id: receipt.id, provider: "dev" });
    expect(String(entry?.msg)).toMatch(/development only/i);
  });

  it("lists sent messages newest first", async () => {
    const sender = createDevSmsSender({ logger: createMemoryLogger().logger });
    const first = await sender.send({ to: "+998901112233", body: "first" });
    const second = await sender.send({ to: "+998907778899", body: "second" });

    const listed = listDevMessages();
    expect(listed.map((message) => [message.id, message.to, message.body])).toEqual([
      [second.id, "+998907778899", "second"],
      [first.id, "+998901112233", "first"],
    ]);
    expect(listed[0]?.sentAt).toBeInstanceOf(Date);
    expect(listed[0]!.sentAt.getTime()).toBeGreaterThanOrEqual(listed[1]!.sentAt.getTime());
    expect(first.id).not.toBe(second.id);
  });

  it("keeps only the newest 50", async () => {
    const sender = createDevSmsSender({ logger: createMemoryLogger().logger });
    for (let i = 1; i <= 53; i++) await sender.send({ to: "+998901112233", body: `message ${i}` });

    const listed = listDevMessages();
    expect(listed).toHaveLength(50);
    expect(listed[0]?.body).toBe("message 53");
    expect(listed.at(-1)?.body).toBe("message 4");
  });

  it("keeps messages across module reloads (they live on globalThis)", async () => {
    await createDevSmsSender({ logger: createMemoryLogger().logger }).send({ to: "+998901112233", body: "before reload" });
    const ring = (globalThis as Record<symbol, unknown>)[Symbol.for("yozuv.sms.devMessages")];
    expect(ring).toEqual([expect.objectContaining({ body: "before reload" })]);
  });

  it("hands out copies, so a caller cannot rewrite the history", async () => {
    await createDevSmsSender({ logger: createMemoryLogger().logger }).send({ to: "+998901112233", body: "original" });
    listDevMessages()[0]!.body = "tampered";
    expect(listDevMessages()[0]?.body).toBe("original");
  });
});
