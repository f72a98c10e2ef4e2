import pino from "pino";
import { describe, expect, it } from "vitest";
import { AppError, errorStatus, type ErrorKind } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/http/error-response";

const log = pino({ level: "silent" });
const headers = (language: string) => new Headers({ "accept-language": language });

describe("errorResponse", () => {
  it.each(Object.keys(errorStatus) as ErrorKind[])("maps %s to its status with a localized message in every language", async (kind) => {
    for (const language of ["uz", "ru", "en"]) {
      const response = errorResponse(new AppError(kind, { retryAfterSeconds: 30 }), headers(language), log);
      expect(response.status).toBe(errorStatus[kind]);
      const body = await response.json();
      expect(body.error.code).toBe(kind);
      expect(body.error.message).not.toMatch(/errors\./);
      expect(body.error.message.length).toBeGreaterThan(3);
      expect(body.detail).toBe(body.error.message);
    }
  });

  it("sends a validation error's issues as FastAPI's detail list", async () => {
    const issues = [{ loc: ["body", "phone_number"], msg: "Invalid input", type: "invalid_type" }];
    const body = await errorResponse(new AppError("validation", { details: issues }), headers("en"), log).json();
    expect(body.detail).toEqual(issues);
    expect(body.error.code).toBe("validation");
  });

  it("sets Retry-After and puts the seconds in the message", async () => {
    const response = errorResponse(new AppError("rate_limited", { retryAfterSeconds: 42.2 }), headers("en"), log);
    expect(response.headers.get("retry-after")).toBe("43");
    expect((await response.json()).error.message).toContain("42");
  });

  it("never leaks the text of an unexpected error", async () => {
    const response = errorResponse(new Error("password=hunter2"), headers("ru"), log);
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(body.error.message).toMatch(/ошибка/);
  });
});
