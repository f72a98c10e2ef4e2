import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/transcripts/text-limits";
import { serverExternalPackages } from "./scripts/server-external-packages";

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled (the list says why twilio is too).
  serverExternalPackages,
  // `.next/standalone`: server.js with only the node_modules files the server needs (the Dockerfile
  // copies it; see the README's "Deploying"). The files below are found from the working directory
  // at run time, which the tracer cannot follow, so they are listed. /api/health is a dynamic route
  // that every build has; the union over all routes is what the bundle gets.
  output: "standalone",
  outputFileTracingIncludes: {
    "/api/health": [
      "./db/migrations/**/*",
      // Started by path as a worker thread (local-whisper-engine.ts), with the binding it loads.
      "./lib/transcription/engines/whisper-worker.mjs",
      "./node_modules/@napi-rs/whisper/**/*",
      "./node_modules/@napi-rs/whisper-*/**/*",
      // The static ffmpeg of this platform (locate-ffmpeg.ts).
      "./node_modules/@ffmpeg-installer/*-*/**/*",
      // PGlite's WASM, data and the search extensions it opens at run time (db/client.ts).
      "./node_modules/@electric-sql/pglite/dist/**/*",
      // The PDF export's fonts (write-pdf.ts).
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
      "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
    ],
  },
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tests included) with tsc; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  // The editor saves a whole transcript (up to 2,000,000 characters, ~6 MB of UTF-8) in one action.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    // Fixed when the app is built; the Content-Security-Policy depends on the storage driver, so proxy.ts sets it per request.
    const security = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
    ];
    // Pages only: API answers set their own (the audio file is `sandbox`, the docs page allows its viewer).
    return [{ source: "/((?!api/).*)", headers: security }];
  },
};

/**
 * next-intl's plugin only adds build-time aliases (already in the build when `next start` runs), and
 * loading it loads @swc/core and a file watcher too, ~15 MB resident in every production server.
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);
}
