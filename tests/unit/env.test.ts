import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, InvalidEnvError, parseEnv, resolveAuthSecret } from "@/lib/env";

describe("parseEnv", () => {
  it("runs with no variables at all, on the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.ALLOWED_PHONE_COUNTRIES).toEqual(["UZ"]);
    expect(env.ADMIN_PHONES).toEqual([]);
    expect(env.TRUST_PROXY).toBe(false);
  });

  it("accepts .env.example exactly as documented", () => {
    const example = readFileSync(path.join(import.meta.dirname, "../../.env.example"), "utf8");
    const variables = Object.fromEntries(
      example
        .split("\n")
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(variables).length).toBeGreaterThan(20);
    const env = parseEnv(variables);
    expect(env.WHISPER_THREADS).toBeGreaterThan(0);
    expect(env.TRANSCRIPTION_ENGINE).toBeUndefined();
  });

  it("documents every variable in .env.example", () => {
    const example = readFileSync(path.join(import.meta.dirname, "../../.env.example"), "utf8");
    const documented = new Set(example.split("\n").filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line)).map((line) => line.slice(0, line.indexOf("="))));
    const undocumented = Object.keys(envSchema.shape).filter((name) => name !== "NODE_ENV" && !documented.has(name));
    expect(undocumented).toEqual([]);
  });

  it("reads CORS_ORIGINS as exact origins or *, refusing anything an Origin header could never equal", () => {
    expect(parseEnv({}).CORS_ORIGINS).toEqual([]);
    expect(parseEnv({ CORS_ORIGINS: " https://app.example.uz, http://localhost:5173 " }).CORS_ORIGINS).toEqual(["https://app.example.uz", "http://localhost:5173"]);
    expect(parseEnv({ CORS_ORIGINS: "*" }).CORS_ORIGINS).toEqual(["*"]);
    for (const bad of ["https://app.example.uz/", "app.example.uz", "https://app.example.uz/path"]) expect(() => parseEnv({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_SECRET: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ SMS_HOURLY_BUDGET: "lots" }, "SMS_HOURLY_BUDGET"],
    [{ ADMIN_PHONES: "+998901234567,90 123" }, "ADMIN_PHONES"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ TWILIO_ACCOUNT_SID: "AC123" }, "TWILIO_AUTH_TOKEN"],
    [{ TWILIO_ACCOUNT_SID: "AC123", TWILIO_AUTH_TOKEN: "t" }, "TWILIO_FROM_NUMBER"],
  ])("refuses %j, naming %s", (source, variable) => {
    expect(() => parseEnv(source)).toThrow(InvalidEnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`${variable}:`));
  });

  it("keeps recordings on disk by default and requires the bucket and its keys with STORAGE_DRIVER=s3", () => {
    expect(parseEnv({}).STORAGE_DRIVER).toBe("disk");
    expect(() => parseEnv({ STORAGE_DRIVER: "s3", S3_BUCKET: "b" })).toThrow(/S3_REGION: required with STORAGE_DRIVER=s3[\s\S]*S3_ACCESS_KEY_ID: required[\s\S]*S3_SECRET_ACCESS_KEY: required/);
    const s3 = parseEnv({ STORAGE_DRIVER: "s3", S3_BUCKET: "b", S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true" });
    expect(s3).toMatchObject({ STORAGE_DRIVER: "s3", S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: true });
    expect(() => parseEnv({ STORAGE_DRIVER: "ftp" })).toThrow(InvalidEnvError);
    expect(() => parseEnv({ S3_ENDPOINT: "not a url" })).toThrow(/S3_ENDPOINT/);
  });

  it("parses lists", () => {
    const env = parseEnv({ ADMIN_PHONES: " +998901234567 , +998911112233", ALLOWED_PHONE_COUNTRIES: "uz,kz" });
    expect(env.ADMIN_PHONES).toEqual(["+998901234567", "+998911112233"]);
    expect(env.ALLOWED_PHONE_COUNTRIES).toEqual(["UZ", "KZ"]);
  });
});

describe("resolveAuthSecret", () => {
  it("requires AUTH_SECRET in production", () => {
    expect(() => resolveAuthSecret(parseEnv({ NODE_ENV: "production" }))).toThrow(/AUTH_SECRET: required in production/);
  });

  it("generates one secret in development, keeps it private, and reuses it", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "yozuv-env-"));
    const first = resolveAuthSecret(parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir }));
    const second = resolveAuthSecret(parseEnv({ NODE_ENV: "development", DATA_DIR: dataDir }));
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = path.join(dataDir, "auth-secret");
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
