import { describe, expect, it } from "vitest";
import { InvalidEnvError, parseEnv } from "@/lib/env";
import { enabledEngines } from "@/lib/transcription/enabled-engines";
import { chooseRoute, routesNeedDetection } from "@/lib/transcription/routing/choose-route";
import { InvalidRoutesError, parseTranscriptionRoutes } from "@/lib/transcription/routing/parse-transcription-routes";
import { NO_ROUTES } from "@/lib/transcription/routing/transcription-route";

const ISSUE_EXAMPLE = "uz=local:/models/uz-medium.bin,ru=openai:whisper-1,*=local:small";

describe("parseTranscriptionRoutes", () => {
  it("reads LANGUAGE=ENGINE:MODEL entries and * for the rest", () => {
    const routes = parseTranscriptionRoutes(ISSUE_EXAMPLE);
    expect(Object.fromEntries(routes.byLanguage)).toEqual({ uz: { engine: "local", model: "/models/uz-medium.bin" }, ru: { engine: "openai", model: "whisper-1" } });
    expect(routes.fallback).toEqual({ engine: "local", model: "small" });
  });

  it("allows spaces, upper-case codes and a route without a model", () => {
    const routes = parseTranscriptionRoutes(" UZ = openai , en=local:base ");
    expect(Object.fromEntries(routes.byLanguage)).toEqual({ uz: { engine: "openai" }, en: { engine: "local", model: "base" } });
    expect(routes.fallback).toBeUndefined();
    expect(parseTranscriptionRoutes("")).toEqual({ byLanguage: new Map() });
  });

  it.each([
    ["uz", /not LANGUAGE=ENGINE:MODEL/],
    ["xx=local:small", /unknown language "xx"/],
    ["uz=google:chirp", /unknown engine "google"/],
    ["uz=local:huge", /neither a model file path nor a known model name/],
    ["uz=local:small,uz=openai:whisper-1", /uz is routed twice/],
    ["*=local,*=openai", /\* is routed twice/],
  ])("refuses %s", (value, message) => {
    expect(() => parseTranscriptionRoutes(value)).toThrow(InvalidRoutesError);
    expect(() => parseTranscriptionRoutes(value)).toThrow(message);
  });

  it("stops start-up with the variable and the bad entry named", () => {
    expect(() => parseEnv({ TRANSCRIPTION_ROUTES: "uz=local:small,ru=whisper" })).toThrow(InvalidEnvError);
    expect(() => parseEnv({ TRANSCRIPTION_ROUTES: "uz=local:small,ru=whisper" })).toThrow(/TRANSCRIPTION_ROUTES: "ru=whisper": unknown engine "whisper"/);
    expect(parseEnv({ TRANSCRIPTION_ROUTES: ISSUE_EXAMPLE }).TRANSCRIPTION_ROUTES.byLanguage.size).toBe(2);
  });
});

describe("chooseRoute", () => {
  const routes = parseTranscriptionRoutes(ISSUE_EXAMPLE);

  it("routes an 'auto' recording by the detected language", () => {
    expect(chooseRoute(routes, "auto", "uz")).toEqual({ route: { engine: "local", model: "/models/uz-medium.bin" }, language: "uz" });
    expect(chooseRoute(routes, "auto", "ru")).toEqual({ route: { engine: "openai", model: "whisper-1" }, language: "ru" });
  });

  it("lets a pinned language win over detection", () => {
    expect(chooseRoute(routes, "ru", "uz")).toEqual({ route: { engine: "openai", model: "whisper-1" }, language: "ru" });
  });

  it("falls back to * for other languages and for failed detection, which leaves the engine to detect", () => {
    expect(chooseRoute(routes, "auto", "en")).toEqual({ route: { engine: "local", model: "small" }, language: "en" });
    expect(chooseRoute(routes, "auto", null)).toEqual({ route: { engine: "local", model: "small" }, language: "auto" });
  });

  it("chooses no route (the default engine) without routes or *", () => {
    expect(chooseRoute(NO_ROUTES, "uz", null)).toEqual({ route: null, language: "uz" });
    expect(chooseRoute(parseTranscriptionRoutes("ru=openai"), "auto", "uz")).toEqual({ route: null, language: "uz" });
  });

  it("detects only when some language has a route of its own", () => {
    expect(routesNeedDetection(routes)).toBe(true);
    expect(routesNeedDetection(parseTranscriptionRoutes("*=openai"))).toBe(false);
    expect(routesNeedDetection(NO_ROUTES)).toBe(false);
  });
});

describe("enabledEngines", () => {
  it("is TRANSCRIPTION_ENGINE plus every routed engine", () => {
    expect([...enabledEngines({ TRANSCRIPTION_ENGINE: "local", TRANSCRIPTION_ROUTES: NO_ROUTES })]).toEqual(["local"]);
    expect([...enabledEngines({ TRANSCRIPTION_ENGINE: "local", TRANSCRIPTION_ROUTES: parseTranscriptionRoutes("ru=openai:whisper-1") })].sort()).toEqual(["local", "openai"]);
    expect([...enabledEngines({ TRANSCRIPTION_ENGINE: "openai", TRANSCRIPTION_ROUTES: parseTranscriptionRoutes("*=openai:whisper-1") })]).toEqual(["openai"]);
  });
});
