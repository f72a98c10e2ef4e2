import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { drainInFlightWork } from "@/lib/shutdown/drain-in-flight-work";
import { trackInFlightWork } from "@/lib/shutdown/track-in-flight-work";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  delete (globalThis as { __yozuvShutdown?: unknown }).__yozuvShutdown;
});

describe("drainInFlightWork", () => {
  it("waits for work that finishes within the grace period, without aborting it", async () => {
    let aborted = false;
    const work = trackInFlightWork(async (signal) => {
      await sleep(50);
      aborted = signal.aborted;
      return "stored";
    });
    expect(await drainInFlightWork(2_000)).toBe(0);
    expect(await work).toBe("stored");
    expect(aborted).toBe(false);
  });

  it("aborts work still running after the grace period and waits for it to clean up", async () => {
    let cleanedUp = false;
    const work = trackInFlightWork(
      (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener("abort", () => {
            cleanedUp = true;
            reject(new Error("cut"));
          }),
        ),
    );
    work.catch(() => {});
    const started = Date.now();
    expect(await drainInFlightWork(100)).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(cleanedUp).toBe(true);
    await expect(work).rejects.toThrow("cut");
  });

  it("refuses new work once the process is stopping, with a 503", async () => {
    await drainInFlightWork(0);
    let ran = false;
    const refusal = await trackInFlightWork(async () => (ran = true)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ kind: "service_unavailable", code: "server_shutting_down" });
    expect(ran).toBe(false);
  });
});
